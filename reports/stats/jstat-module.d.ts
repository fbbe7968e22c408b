// jstat ships no type declarations; jstat.ts narrows the default export to the functions we call.
declare module 'jstat' {
  const jstatPackage: unknown;
  export default jstatPackage;
}
