// The XMP metadata packet every PDF carries (ISO 16684-1): the document information in step with
// the Info dictionary, and the PDF/UA identification (ISO 14289-1, 5: pdfuaid:part 1).
import type { PdfMetadata } from '../contracts/document.js';

/** dc:title and the rest, from the same values as the Info dictionary; no time but the document's date. */
export function xmpPacket(m: PdfMetadata): Buffer {
  const date = m.date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const keywords = m.keywords.join(', ');
  const lines = [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    ' <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '  <rdf:Description rdf:about=""',
    '    xmlns:dc="http://purl.org/dc/elements/1.1/"',
    '    xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    '    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"',
    '    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">',
    '   <dc:format>application/pdf</dc:format>',
    `   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(m.title)}</rdf:li></rdf:Alt></dc:title>`,
    `   <dc:creator><rdf:Seq><rdf:li>${escapeXml(m.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(m.subject)}</rdf:li></rdf:Alt></dc:description>`,
    `   <dc:language><rdf:Bag><rdf:li>${escapeXml(m.language)}</rdf:li></rdf:Bag></dc:language>`,
    ...(m.keywords.length > 0 ? [`   <dc:subject><rdf:Bag>${m.keywords.map((k) => `<rdf:li>${escapeXml(k)}</rdf:li>`).join('')}</rdf:Bag></dc:subject>`] : []),
    `   <pdf:Keywords>${escapeXml(keywords)}</pdf:Keywords>`,
    `   <pdf:Producer>${escapeXml(m.producer)}</pdf:Producer>`,
    `   <xmp:CreatorTool>${escapeXml(m.creator)}</xmp:CreatorTool>`,
    `   <xmp:CreateDate>${date}</xmp:CreateDate>`,
    `   <xmp:ModifyDate>${date}</xmp:ModifyDate>`,
    `   <xmp:MetadataDate>${date}</xmp:MetadataDate>`,
    '   <pdfuaid:part>1</pdfuaid:part>',
    '  </rdf:Description>',
    ' </rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="r"?>',
  ];
  return Buffer.from(lines.join('\n'), 'utf8');
}

function escapeXml(text: string): string {
  // Characters XML 1.0 cannot hold at all are dropped; markup characters are escaped.
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
