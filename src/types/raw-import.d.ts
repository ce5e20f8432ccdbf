// Lets `import css from '../styles/reconnect.css?raw'` type-check: Rollup (our raw-css plugin)
// and Vite (the unit tests) both turn such an import into the file's text.
declare module '*?raw' {
  const text: string;
  export default text;
}
