# An anchor for `report` on multi-document YAML: Python's C YAML loader (PyYAML's CLoader) and
# ElementTree, the fastest common way to do the same conversion outside Node.
#   python3 bench/support/yaml_anchor.py results.yaml junit.xml
import sys
import xml.etree.ElementTree as ET

import yaml

source, target = sys.argv[1], sys.argv[2]
root = ET.Element("testsuites")
with open(source, encoding="utf-8") as stream:
    for item in yaml.load_all(stream, Loader=yaml.CSafeLoader):
        suite = ET.SubElement(root, "testsuite", name=f"{item['metadata']['namespace']}/{item['metadata']['name']}")
        case = ET.SubElement(suite, "testcase", name=item["spec"]["experiment"])
        if item["status"]["experimentStatus"]["verdict"] != "Pass":
            ET.SubElement(case, "failure", message="Fail")
        for probe in item["status"]["probeStatuses"]:
            probe_case = ET.SubElement(suite, "testcase", name=probe["name"])
            if probe["status"]["verdict"] != "Passed":
                ET.SubElement(probe_case, "failure", message=probe["status"].get("description", ""))
ET.ElementTree(root).write(target, encoding="utf-8", xml_declaration=True)
