#!/usr/bin/env python3
"""Checks an OpenAPI 3.0 document the way a shop's client generator reads it.

Usage: validate.py <openapi.yaml>

1. The YAML parses (safe loader; a mapping key given twice is an error, as in a JSON parser),
   and is turned into the JSON data model a generator sees: keys are strings (an unquoted
   response code 200 is the key "200"), timestamps are ISO 8601 strings.
2. `openapi` is 3.0.x.
3. The document matches the official OpenAPI 3.0 JSON Schema, as shipped by the Debian package
   openapi-specification (another copy can be named with the environment variable
   OPENAPI_SCHEMA), checked with python3-jsonschema.
4. Every local $ref ("#/...") resolves inside the document.
5. Every operationId is unique.

Exit status 0 when all hold (one line on stdout); 1 otherwise, each problem on stderr as
file:line: location: message; 2 on wrong usage. The lint test openapi_valid runs it on
docs/api/openapi.yaml.
"""

import datetime
import json
import os
import re
import sys
import urllib.parse

DEFAULT_SCHEMA = "/usr/share/openapi-specification/schemas/v3.0/schema.json"
INSTALL_HINT = "run scripts/install-deps.sh test"
MAX_SCHEMA_ERRORS = 20
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

try:
    import yaml
    from yaml.constructor import ConstructorError
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode
except ImportError:
    print("validate.py: the Debian package python3-yaml is needed: " + INSTALL_HINT,
          file=sys.stderr)
    sys.exit(1)
try:
    import jsonschema
    import jsonschema.exceptions
    import jsonschema.validators
except ImportError:
    print("validate.py: the Debian package python3-jsonschema is needed: " + INSTALL_HINT,
          file=sys.stderr)
    sys.exit(1)


class JsonModelLoader(yaml.SafeLoader):
    """Safe loader producing the JSON data model: string keys, no duplicates, no date objects."""

    def construct_mapping(self, node, deep=False):
        if not isinstance(node, MappingNode):
            raise ConstructorError(None, None, "expected a mapping node, but found %s" % node.id,
                                   node.start_mark)
        seen = {}
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            if not isinstance(key_node, ScalarNode):
                raise ConstructorError("while constructing a mapping", node.start_mark,
                                       "found a non-scalar key (JSON keys are strings)",
                                       key_node.start_mark)
            if key_node.value in seen:
                raise ConstructorError("while constructing a mapping", node.start_mark,
                                       "found duplicate key %r (first at line %d)"
                                       % (key_node.value, seen[key_node.value] + 1),
                                       key_node.start_mark)
            seen[key_node.value] = key_node.start_mark.line
        self.flatten_mapping(node)  # resolves "<<" merge keys
        mapping = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                raise ConstructorError("while constructing a mapping", node.start_mark,
                                       "found a non-scalar key (JSON keys are strings)",
                                       key_node.start_mark)
            # The key as written: 200 and '200' are both "200", as for a JSON client.
            mapping[key_node.value] = self.construct_object(value_node, deep=deep)
        return mapping

    def construct_iso_timestamp(self, node):
        value = self.construct_yaml_timestamp(node)
        return value.isoformat() if isinstance(value, (datetime.date, datetime.datetime)) else value


JsonModelLoader.add_constructor("tag:yaml.org,2002:timestamp",
                                JsonModelLoader.construct_iso_timestamp)


def load(text):
    """Returns (document, {path tuple: line}) of the YAML text."""
    loader = JsonModelLoader(text)
    try:
        node = loader.get_single_node()
        document = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    lines = {(): 1}

    walked = set()  # a node reached again through an alias: its lines are the alias's

    def walk(n, path):
        if id(n) in walked:
            return
        walked.add(id(n))
        if isinstance(n, MappingNode):
            for key_node, value_node in n.value:
                if isinstance(key_node, ScalarNode):
                    lines.setdefault(path + (key_node.value,), key_node.start_mark.line + 1)
                    walk(value_node, path + (key_node.value,))
        elif isinstance(n, SequenceNode):
            for index, item in enumerate(n.value):
                lines.setdefault(path + (index,), item.start_mark.line + 1)
                walk(item, path + (index,))

    if node is not None:
        walk(node, ())
    return document, lines


def location(path):
    text = ""
    for part in path:
        text += "[%d]" % part if isinstance(part, int) else ("." if text else "") + str(part)
    return text or "(top level)"


def line_of(lines, path):
    path = tuple(path)
    while path not in lines:
        path = path[:-1]
    return lines[path]


def shorten(text, limit=300):
    return text if len(text) <= limit else text[:limit] + "..."


def is_reference_branch(schema, branch):
    """True when a oneOf/anyOf branch is the schema's Reference object ({"$ref": ...} required)."""
    if isinstance(branch, dict) and isinstance(branch.get("$ref"), str) \
            and branch["$ref"].startswith("#/definitions/"):
        branch = schema.get("definitions", {}).get(branch["$ref"][len("#/definitions/"):], {})
    return isinstance(branch, dict) and branch.get("required") == ["$ref"]


def describe(error):
    """(path, message) of an error without subschema errors; an unknown key is named with what
    is allowed instead of jsonschema's "does not match any of the regexes"."""
    path = tuple(error.absolute_path)
    if error.validator == "additionalProperties" and error.validator_value is False \
            and isinstance(error.instance, dict) and isinstance(error.schema, dict):
        known = error.schema.get("properties", {})
        patterns = error.schema.get("patternProperties", {})
        unknown = [key for key in error.instance
                   if key not in known and not any(re.search(p, key) for p in patterns)]
        allowed = sorted(known) + ["keys matching %s" % p for p in patterns]
        if len(allowed) > 12:
            allowed = allowed[:12] + ["..."]
        if unknown:
            return [(path + (key,), "unknown key %r (allowed here: %s)" % (key, ", ".join(allowed)))
                    for key in unknown]
    return [(path, error.message)]


def specific_errors(schema, error):
    """[(path, message)] saying what is wrong, instead of "... is not valid under any of the
    given schemas": the official schema makes most objects a oneOf [the object, a Reference],
    and some a oneOf over kinds told apart by one field (a parameter's `in`, a security scheme's
    `type`). Picks the branch the author meant and explains its errors."""
    if not error.context:
        return describe(error)
    branches = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).append(sub)
    candidates = list(branches.items())
    if isinstance(error.validator_value, list) and isinstance(error.instance, dict):
        # A {$ref: ...} is meant as a Reference, anything else as the object itself.
        wants_reference = "$ref" in error.instance
        preferred = [
            (index, subs) for index, subs in candidates
            if isinstance(index, int) and index < len(error.validator_value)
            and is_reference_branch(schema, error.validator_value[index]) == wants_reference]
        candidates = preferred or candidates
    if len(candidates) > 1:
        # Branches whose fixed values (enum) the instance has are the ones meant.
        matching = [c for c in candidates if not any(sub.validator == "enum" for sub in c[1])]
        if matching:
            candidates = matching
        else:
            enums = [[sub for sub in subs if sub.validator == "enum"] for _, subs in candidates]
            paths = {tuple(sub.absolute_path) for subs in enums for sub in subs}
            if len(paths) == 1 and all(enums):
                allowed = []
                for subs in enums:
                    for sub in subs:
                        allowed += [v for v in sub.validator_value if v not in allowed]
                return [(paths.pop(), "%r is not one of %r" % (enums[0][0].instance, allowed))]
    if len(candidates) > 1:
        # The branch that got furthest into the instance, then the one with the fewest errors.
        def progress(item):
            return (max(len(sub.absolute_path) for sub in item[1]), -len(item[1]))

        best = max(progress(c) for c in candidates)
        tied = [c for c in candidates if progress(c) == best]
        singles = [subs[0] for _, subs in tied if len(subs) == 1 and not subs[0].context]
        if len(tied) > 1 and len(singles) == len(tied) \
                and len({tuple(sub.absolute_path) for sub in singles}) == 1:
            return [(tuple(singles[0].absolute_path),
                     "needs one of: " + "; or ".join(sub.message for sub in singles))]
        candidates = tied[:1]
    result = []
    for sub in candidates[0][1]:
        result.extend(specific_errors(schema, sub))
    return result


def schema_problems(document, lines):
    schema_file = os.environ.get("OPENAPI_SCHEMA") or DEFAULT_SCHEMA
    if not os.path.isfile(schema_file):
        return None, ["%s: no such file: the official OpenAPI 3.0 schema comes with the Debian "
                      "package openapi-specification: %s" % (schema_file, INSTALL_HINT)]
    try:
        with open(schema_file, encoding="utf-8") as f:
            schema = json.load(f)
    except (OSError, ValueError) as e:
        return None, ["%s: cannot read the OpenAPI schema: %s" % (schema_file, e)]
    # The schema names its draft ($schema): Draft4Validator for the OpenAPI 3.0 schema.
    validator_class = jsonschema.validators.validator_for(schema,
                                                          default=jsonschema.Draft4Validator)
    validator = validator_class(schema)
    found = []
    seen = set()
    for error in validator.iter_errors(document):
        for path, message in specific_errors(schema, error):
            if (path, message) not in seen:
                seen.add((path, message))
                found.append((line_of(lines, path), location(path), shorten(message)))
    found.sort()
    problems = ["%d: %s: %s" % item for item in found[:MAX_SCHEMA_ERRORS]]
    if len(found) > MAX_SCHEMA_ERRORS:
        problems.append("%d: (and %d more schema errors)" % (found[MAX_SCHEMA_ERRORS][0],
                                                             len(found) - MAX_SCHEMA_ERRORS))
    return schema_file, problems


def walk_values(value, path=()):
    """Yields (path, mapping) for every mapping in the document."""
    stack = [(value, path)]
    seen = set()  # a value shared through a YAML alias is checked once
    while stack:
        value, path = stack.pop()
        if isinstance(value, (dict, list)):
            if id(value) in seen:
                continue
            seen.add(id(value))
        if isinstance(value, dict):
            yield path, value
            stack.extend((v, path + (k,)) for k, v in reversed(list(value.items())))
        elif isinstance(value, list):
            stack.extend((v, path + (i,)) for i, v in reversed(list(enumerate(value))))


def resolve_pointer(document, fragment):
    """Follows a JSON pointer (a $ref's part after '#'); returns None if it resolves, or what is
    missing."""
    if fragment == "":
        return None
    if not fragment.startswith("/"):
        return "the part after '#' is not a JSON pointer (it must start with '/')"
    target = document
    walked = []
    for token in fragment[1:].split("/"):
        token = urllib.parse.unquote(token).replace("~1", "/").replace("~0", "~")
        if isinstance(target, dict) and token in target:
            target = target[token]
        elif isinstance(target, list) and re.fullmatch(r"0|[1-9][0-9]*", token) \
                and int(token) < len(target):
            target = target[int(token)]
        else:
            return "no %r in %s" % (token, location(walked) if walked else "the document")
        walked.append(token)
    return None


def ref_problems(document, lines):
    problems = []
    for path, mapping in walk_values(document):
        ref = mapping.get("$ref")
        if not isinstance(ref, str) or not ref.startswith("#"):
            continue  # not a string: the schema check reports it; another file: not checked here
        missing = resolve_pointer(document, ref[1:])
        if missing:
            problems.append("%d: %s: $ref %r does not resolve: %s"
                            % (line_of(lines, path + ("$ref",)), location(path), ref, missing))
    return problems


def operation_id_problems(document, lines):
    first = {}
    problems = []

    def operations(path_items, base):
        if not isinstance(path_items, dict):
            return
        for name, item in path_items.items():
            if not isinstance(item, dict):
                continue
            for method in HTTP_METHODS:
                operation = item.get(method)
                if not isinstance(operation, dict):
                    continue
                yield base + (name, method), operation
                callbacks = operation.get("callbacks")
                if isinstance(callbacks, dict):  # a callback is path items of its own
                    for callback_name, callback in callbacks.items():
                        yield from operations(callback,
                                              base + (name, method, "callbacks", callback_name))

    for path, operation in operations(document.get("paths"), ("paths",)):
        operation_id = operation.get("operationId")
        if not isinstance(operation_id, str):
            continue
        if operation_id in first:
            problems.append("%d: %s: operationId %r is already used by %s (line %d); each "
                            "operation needs its own"
                            % (line_of(lines, path + ("operationId",)), location(path),
                               operation_id, location(first[operation_id]),
                               line_of(lines, first[operation_id] + ("operationId",))))
        else:
            first[operation_id] = path
    return problems


def main(argv):
    if len(argv) != 2:
        print("usage: validate.py <openapi.yaml>", file=sys.stderr)
        return 2
    file = argv[1]

    def fail(problems, what="not a valid OpenAPI 3.0 document"):
        print("%s: %s:" % (file, what), file=sys.stderr)
        for problem in problems:
            print("%s:%s" % (file, problem), file=sys.stderr)
        return 1

    try:
        with open(file, encoding="utf-8") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        print("%s: cannot read: %s" % (file, e), file=sys.stderr)
        return 1
    try:
        document, lines = load(text)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        where = "%d:%d" % (mark.line + 1, mark.column + 1) if mark else "1:1"
        message = e.problem or e.context or "cannot be parsed"
        if e.context and e.problem and e.context_mark:
            message += " (%s, line %d)" % (e.context, e.context_mark.line + 1)
        if e.problem == "mapping values are not allowed here":
            message += "; a plain (unquoted) value cannot contain ': ', quote the whole value"
        return fail(["%s: YAML: %s" % (where, message)], "not valid YAML")
    except yaml.YAMLError as e:
        return fail(["1:1: YAML: %s" % e], "not valid YAML")

    if not isinstance(document, dict):
        return fail(["1: (top level): the document must be a mapping, not %s"
                     % type(document).__name__])
    version = document.get("openapi")
    if not isinstance(version, str) or not re.fullmatch(r"3\.0\.\d+(-.+)?", version):
        shown = "missing" if version is None else "%r" % (version,)
        hint = " (a number: quote it)" if isinstance(version, (int, float)) else ""
        return fail(["%d: openapi: must be an OpenAPI 3.0.x version such as '3.0.3', is %s%s"
                     % (line_of(lines, ("openapi",)), shown, hint)])

    schema_file, problems = schema_problems(document, lines)
    if schema_file is None:
        print("%s: cannot check: %s" % (file, problems[0]), file=sys.stderr)
        return 1
    problems += ref_problems(document, lines)
    problems += operation_id_problems(document, lines)
    if problems:
        return fail(problems)
    paths = document.get("paths")
    count = len(paths) if isinstance(paths, dict) else 0
    print("%s: valid OpenAPI %s (%d paths)" % (file, version, count))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
