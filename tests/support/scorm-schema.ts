import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { CONTROL_DOCUMENTS, controlDocumentPath } from '../../scripts/scorm/package.ts';

const IMSMD = 'http://www.imsglobal.org/xsd/imsmd_rootv1p2p1';

/**
 * A manifest checked against the SCORM 1.2 control documents with libxml2's schema validator: a driver schema
 * imports IMS CP 1.1.2 and ADL CP 1.2, so the elements and attributes of both namespaces are checked.
 *
 * Two limits of libxml2, not of the manifest: it refuses ims_xml.xsd's declaration of the xml namespace as the
 * default namespace (the file only declares xml:lang, xml:base and xml:link, and is read here without that one
 * declaration), and it cannot compile IMS MD 1.2.1 (its content models are not deterministic, which libxml2 enforces
 * strictly). The manifest uses no IMS MD element, so that schema would have nothing to check; the function refuses a
 * manifest that does use one rather than pass it unchecked.
 */
export async function validateManifest(manifest: string): Promise<string[]> {
  if (manifest.includes(`"${IMSMD}"`) && new RegExp(`xmlns:(\\w+)="${IMSMD}"`).test(manifest))
    return ['the manifest declares an IMS MD prefix: its metadata cannot be checked here'];
  const driver = `<?xml version="1.0" encoding="UTF-8"?>
<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:bedside:scorm12-driver">
  <xsd:import namespace="http://www.imsproject.org/xsd/imscp_rootv1p1p2" schemaLocation="imscp_rootv1p1p2.xsd"/>
  <xsd:import namespace="http://www.adlnet.org/xsd/adlcp_rootv1p2" schemaLocation="adlcp_rootv1p2.xsd"/>
</xsd:schema>
`;
  const result = await validateXML({
    xml: { fileName: 'imsmanifest.xml', contents: manifest },
    schema: { fileName: 'driver.xsd', contents: driver },
    preload: CONTROL_DOCUMENTS.filter((name) => name !== 'imsmd_rootv1p2p1.xsd').map((name) => ({
      fileName: name,
      contents: readFileSync(controlDocumentPath(name), 'utf8').replace(
        'xmlns="http://www.w3.org/XML/1998/namespace"',
        '',
      ),
    })),
  });
  return result.valid ? [] : result.errors.map((e) => e.rawMessage);
}
