// Drafts of our own that begin with a table of contents, as bills and enacted laws are printed,
// and drafts that only look as if they might.

/** A Commonwealth bill: an arrangement of sections by Part, then the long title and enacting words, then the body. */
export const ARRANGED_BILL = `THE COMPUTER MISUSE BILL, 2026

ARRANGEMENT OF SECTIONS

Section
PART I—PRELIMINARY
1. Short title.
2. Interpretation.
PART II—OFFENCES AND POWERS
3. Unauthorised access.
4. Production order.

A BILL for an Act to make provision about the misuse of computers.

ENACTED by the Parliament as follows—

PART I—PRELIMINARY

1. Short title
This Act may be cited as the Computer Misuse Act, 2026.

2. Interpretation
In this Act, "computer system" means any device that processes data automatically.

PART II—OFFENCES AND POWERS

3. Unauthorised access
A person who intentionally and without authorisation accesses a computer system commits an offence and is liable on conviction to imprisonment for a term not exceeding two years.

4. Production order
Where an offence under section 3 is investigated, a police officer may order any person to produce computer data in that person's possession.
`;

/** The same bill without its arrangement of sections. */
export const UNARRANGED_BILL = ARRANGED_BILL.slice(0, ARRANGED_BILL.indexOf('ARRANGEMENT')) + ARRANGED_BILL.slice(ARRANGED_BILL.indexOf('A BILL'));

/** A French law with a "Sommaire": each entry's page number after a tab. */
export const LOI_AVEC_SOMMAIRE = `LOI N° 2026-17 RELATIVE À LA CYBERCRIMINALITÉ

SOMMAIRE
Article 1 — Accès frauduleux\t2
Article 2 — Atteinte aux données\t2
Article 3 — Réquisition de données\t3

Article 1 — Accès frauduleux
Le fait d'accéder ou de se maintenir, frauduleusement, dans tout ou partie d'un système de traitement automatisé de données est puni de deux ans d'emprisonnement.

Article 2 — Atteinte aux données
Le fait d'introduire, de modifier ou de supprimer frauduleusement des données dans un système de traitement automatisé est puni de trois ans d'emprisonnement.

Article 3 — Réquisition de données
Le procureur peut requérir de toute personne la remise des données informatiques qu'elle détient.
`;

/** A Spanish law with an "Índice": dot leaders and page numbers. */
export const LEY_CON_INDICE = `LEY DE DELITOS INFORMÁTICOS

ÍNDICE
Artículo 1. Acceso ilícito .......... 2
Artículo 2. Interceptación ilícita .......... 2
Artículo 3. Orden de presentación .......... 3

Artículo 1. Acceso ilícito
El que, sin autorización y con intención, acceda a todo o parte de un sistema informático será castigado con prisión de uno a tres años.

Artículo 2. Interceptación ilícita
El que, por medios técnicos y sin derecho, intercepte transmisiones no públicas de datos informáticos será castigado con prisión de dos a cuatro años.

Artículo 3. Orden de presentación
El fiscal podrá ordenar a cualquier persona que entregue los datos informáticos que tenga en su poder.
`;

/** A Spanish law whose "Índice" sets each heading on the line below its number, as its body does. */
export const LEY_CON_INDICE_EN_DOS_LINEAS = `LEY DE DELITOS INFORMÁTICOS

ÍNDICE
Artículo 1
Acceso ilícito
Artículo 2
Interceptación ilícita
Artículo 3
Orden de presentación

Artículo 1
Acceso ilícito
El que, sin autorización y con intención, acceda a todo o parte de un sistema informático será castigado con prisión de uno a tres años.

Artículo 2
Interceptación ilícita
El que, por medios técnicos y sin derecho, intercepte transmisiones no públicas de datos informáticos será castigado con prisión de dos a cuatro años.

Artículo 3
Orden de presentación
El fiscal podrá ordenar a cualquier persona que entregue los datos informáticos que tenga en su poder.
`;

/** Two Parts whose sections have the same numbers and headings, each with a body: no table of contents. */
export const PARALLEL_PARTS = `PART 1—CRIMINAL MATTERS

1. Interpretation
In this Part, "data" means any representation of information.

2. Application
This Part applies to offences committed in the territory.

PART 2—CIVIL MATTERS

1. Interpretation
In this Part, "data" has the meaning given in Part 1.

2. Application
This Part applies to claims brought in the courts.
`;

/** Short headed sections at the head of a draft, with no copies further on: no table of contents. */
export const SHORT_SECTIONS = `1. Short title.
2. Commencement.
3. Repeal.

4. Unauthorised access
A person who intentionally and without authorisation accesses a computer system commits an offence.
`;
