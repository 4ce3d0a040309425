"""Strict FollowTheMoney validation of a JSON-lines file, with FtM's own model.

Reads entities from stdin, prints one JSON object per problem on stdout (line, id, schema,
problem), then a last line {"checked": N, "problems": M}. Each check uses the followthemoney
package itself: the schema exists and is not abstract, the id is a valid FtM entity id, every
property exists on the schema and is writable, every value is valid for its property's type
(and survives model.get_proxy(data, cleaned=False)), required properties are present, the
schema's own validate() passes, and every entity reference points at an entity of the file
whose schema is the property's range.
"""
import json
import sys

from followthemoney import model
from followthemoney.exc import InvalidData
from followthemoney.types import registry


def main() -> int:
    entities = []
    problems = []

    def problem(line, data, text):
        problems.append({
            "line": line,
            "id": data.get("id") if isinstance(data, dict) else None,
            "schema": data.get("schema") if isinstance(data, dict) else None,
            "problem": text,
        })

    for number, raw in enumerate(sys.stdin, start=1):
        if raw.strip() == "":
            continue
        try:
            data = json.loads(raw)
        except ValueError as error:
            problem(number, {}, f"not JSON: {error}")
            continue
        entities.append((number, data))

    schema_of = {}
    for number, data in entities:
        schema = model.get(data.get("schema"))
        if schema is not None and isinstance(data.get("id"), str):
            schema_of[data["id"]] = schema

    for number, data in entities:
        entity_id = data.get("id")
        schema = model.get(data.get("schema"))
        if schema is None:
            problem(number, data, f"unknown schema {data.get('schema')!r}")
            continue
        if schema.abstract:
            problem(number, data, f"schema {schema.name} is abstract")
        if not isinstance(entity_id, str) or not registry.entity.validate(entity_id):
            problem(number, data, f"id {entity_id!r} is not a valid FtM entity id")
        properties = data.get("properties") or {}
        for name, values in properties.items():
            prop = schema.get(name)
            if prop is None:
                problem(number, data, f"{schema.name} has no property {name!r}")
                continue
            if prop.stub:
                problem(number, data, f"{schema.name}.{name} cannot be written (a reverse property)")
                continue
            if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
                problem(number, data, f"{name} must be a list of strings")
                continue
            error = prop.validate(values)
            if error is not None:
                problem(number, data, f"{schema.name}.{name} ({prop.type.name}): {error}")
            if prop.type == registry.entity:
                for ref in values:
                    target = schema_of.get(ref)
                    if target is None:
                        problem(number, data, f"{name} points at {ref!r}, which is not in the file")
                    elif prop.range is not None and not target.is_a(prop.range):
                        problem(number, data, f"{name} points at {ref!r}, a {target.name}, not a {prop.range.name}")
        for name in schema.required:
            if not properties.get(name):
                problem(number, data, f"{schema.name} requires {name!r}")
        try:
            schema.validate(data)
        except InvalidData as error:
            problem(number, data, f"schema.validate: {error.errors if hasattr(error, 'errors') else error}")
        try:
            proxy = model.get_proxy(data, cleaned=False)
        except InvalidData as error:
            problem(number, data, f"get_proxy(cleaned=False) refused it: {error}")
            continue
        for name, values in properties.items():
            prop = schema.get(name)
            if prop is None or prop.stub or not isinstance(values, list):
                continue
            kept = set(proxy.get(name))
            for value in values:
                if isinstance(value, str) and value not in kept:
                    cleaned = prop.type.clean(value, proxy=proxy)
                    what = "dropped" if cleaned is None else f"changed to {cleaned!r}"
                    problem(number, data, f"{name} value {value!r} is {what} when FtM cleans it")

    for p in problems:
        print(json.dumps(p, ensure_ascii=False))
    print(json.dumps({"checked": len(entities), "problems": len(problems)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
