const END = "-----END CERTIFICATE-----";

/**
 * The PEM certificates pasted one after another into one box, each up to its END line. Text after the last
 * one is kept as a certificate of its own, for core to refuse by its index. Linear: a scan for a fixed marker.
 */
export function splitCertificates(text: string): string[] {
  const pems: string[] = [];
  let rest = text;
  for (let at = rest.indexOf(END); at !== -1; at = rest.indexOf(END)) {
    pems.push(rest.slice(0, at + END.length).trim());
    rest = rest.slice(at + END.length);
  }
  if (rest.trim() !== "") pems.push(rest.trim());
  return pems;
}
