declare module 'snowball-stemmers' {
  export function newStemmer(name: string): { stem(word: string): string };
  export function algorithms(): string[];
}
