// Civil-law wording that answers a check: grounds stated as "motifs raisonnables" or "resolución
// fundada", and "without right" as "sin estar facultado" or "sans excuse légitime". Drafts are our own.
import { createAnalyzer } from '../../src/analysis/engine';
import { check } from './check';

const { analyzer: loaded } = createAnalyzer();
if (!loaded) throw new Error('shipped data failed to load');
const analyzer = loaded;

const fires = (code: string) => (draft: string) => analyzer.analyze(draft).findings.some((f) => f.code === code);

check<string, boolean>(
  'safeguard.grounds in French and Spanish powers',
  [
    { name: 'fr: "motifs raisonnables de croire": silent', input: "Article 40\nLe juge peut autoriser l'interception des communications électroniques d'une personne s'il a des motifs raisonnables de croire qu'elle a commis un crime puni de cinq ans d'emprisonnement, pour une durée de quatre mois.\n", expected: false },
    { name: 'fr: no stated grounds: fires', input: "Article 40\nLe juge peut autoriser l'interception des communications électroniques d'une personne, pour une durée de quatre mois.\n", expected: true },
    { name: 'es: "resolución fundada": silent', input: 'Artículo 40. Interceptación\nEl juez podrá autorizar, mediante resolución fundada, la interceptación de las comunicaciones electrónicas de una persona investigada, por un plazo de tres meses.\n', expected: false },
  ],
  fires('safeguard.grounds'),
);

check<string, boolean>(
  'element.without-right in French and Spanish offences',
  [
    { name: 'es: "sin estar facultado para ello": silent', input: 'Artículo 8. Interceptación\nEl que, sin estar facultado para ello, intercepte deliberadamente datos informáticos en su transmisión por medios técnicos será sancionado con prisión de dos a cuatro años.\n', expected: false },
    { name: 'es: no qualifier: fires', input: 'Artículo 8. Interceptación\nEl que intercepte deliberadamente datos informáticos en su transmisión por medios técnicos será sancionado con prisión de dos a cuatro años.\n', expected: true },
    { name: 'fr: "sans excuse légitime": silent', input: "Article 9\nQuiconque, intentionnellement et sans excuse légitime, supprime ou modifie des données informatiques est puni de deux ans d'emprisonnement.\n", expected: false },
  ],
  fires('element.without-right'),
);
