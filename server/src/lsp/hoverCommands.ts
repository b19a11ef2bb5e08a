// The commands a hover's links may run: part of the protocol (shared/protocol.ts), which the
// client reads to trust hover Markdown for these commands only.
export { HOVER_COMMANDS } from '../../../shared/protocol';
