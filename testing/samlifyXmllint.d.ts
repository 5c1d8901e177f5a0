// @authenio/samlify-xmllint-wasm ships no types: samlify's schema validator (the SAML XSDs, xmllint in wasm).
declare module '@authenio/samlify-xmllint-wasm' {
  export function validate(xml: string): Promise<unknown>;
}
