// fflate's unzip, for the archives the Word reader's own quick path does not take (docx.ts). A
// module of its own so that docx.ts can load it on first use: fflate builds its tables when it is
// loaded, which every reader would otherwise pay for when it starts.
export { unzipSync } from 'fflate';
