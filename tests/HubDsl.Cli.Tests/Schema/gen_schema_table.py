# Writes src/HubDsl.Core/Schema/ApplicationSetSchema.cs: the structural schema of Argo CD's ApplicationSet CRD as a C#
# table (types, required fields, enums, patterns, preserved-unknown areas; descriptions dropped), with each object's
# fields in the declaration order of the Go struct it comes from, which the CRD (sorted) does not carry.
#
# Usage: python3 gen_schema_table.py <applicationset-crd.yaml> <argo-cd checkout> <output .cs>
#   the CRD: ../shared/schemas/argocd/applicationset-crd.yaml (Argo CD v3.5.1); the checkout: the same tag's sources,
#   read for pkg/apis/application/v1alpha1/*types.go only. ApplicationSetSchemaTests checks the result against the CRD.
import glob, json, re, sys
import yaml

crd_path, argo, out_path = sys.argv[1:4]
crd = yaml.safe_load(open(crd_path))
root = crd['spec']['versions'][0]['schema']['openAPIV3Schema']

def strip(n):
    if isinstance(n, dict):
        return {k: strip(v) for k, v in n.items() if k != 'description'}
    if isinstance(n, list):
        return [strip(x) for x in n]
    return n
root = strip(root)

# Go struct field order (json names), inline embeddings flattened.
structs = {}
for f in glob.glob(argo + '/pkg/apis/application/v1alpha1/*types.go'):
    src = open(f).read()
    for m in re.finditer(r'^type (\w+) struct \{\n(.*?)^\}', src, re.S | re.M):
        fields = []
        for line in m.group(2).split('\n'):
            line = line.strip()
            tm = re.search(r'json:"([^"]*)"', line)
            if not line or line.startswith('//') or not tm:
                continue
            tag = tm.group(1).split(',')
            if tag[0] == '-':
                continue
            fields.append(('@' + line.split()[0].lstrip('*').split('.')[-1]) if tag[0] == '' else tag[0])
        structs[m.group(1)] = fields
structs['LabelSelector'] = ['matchLabels', 'matchExpressions']
structs['LabelSelectorRequirement'] = ['key', 'operator', 'values']
structs['ObjectMeta'] = ['name', 'namespace', 'labels', 'annotations', 'finalizers']
def flat(name):
    result = []
    for f in structs.get(name, []):
        result += flat(f[1:]) if f.startswith('@') else [f]
    return result
orders = {name: flat(name) for name in structs}

def go_struct(props, path):
    names = set(props)
    exact = [n for n, o in orders.items() if set(o) == names]
    # Prefer the struct the path suggests when several match (e.g. the generator structs).
    if len(exact) > 1:
        preferred = {'ApplicationSetGenerator', 'ApplicationSetTemplateMeta', 'ApplicationSetNestedGenerator', 'ApplicationSetTerminalGenerator', 'ApplicationSetTemplate',
                     'ApplicationSource', 'ApplicationSpec'}
        exact.sort(key=lambda n: (n not in preferred, len(n), n))
    if exact:
        return exact[0], orders[exact[0]]
    return None, sorted(props)

types = {}      # canonical json -> name
emitted = []    # (name, code)
def cs(s):
    return json.dumps(s)

def node(n, path, hint):
    if n.get('x-kubernetes-int-or-string'):
        return 'IntOrString'
    if 'properties' in n:
        key = json.dumps(n, sort_keys=True)
        if key in types:
            return types[key]
        go, order = go_struct(n['properties'], path)
        if go == 'ApplicationSetGenerator' and ('.matrix.' in path or '.merge.' in path):
            go = 'ApplicationSetNestedGenerator'
        # Same field names, another Go struct: the path tells which.
        if path.endswith('.preservedFields'):
            go, order = 'ApplicationPreservedFields', orders['ApplicationPreservedFields']
        if path.endswith('rollingSync.steps[].matchExpressions[]'):
            go, order = 'ApplicationMatchExpression', orders['ApplicationMatchExpression']
        fields = []
        for p in order:
            if p in n['properties']:
                fields.append('F(%s, %s)' % (cs(p), node(n['properties'][p], path + '.' + p, p)))
        for p in sorted(n['properties']):
            if p not in order:
                fields.append('F(%s, %s)' % (cs(p), node(n['properties'][p], path + '.' + p, p)))
        name = go or ('Object' + hint[:1].upper() + hint[1:])
        base, i = name, 2
        while name in [e[0] for e in emitted]:
            name = base + str(i); i += 1
        req = n.get('required', [])
        code = 'Obj(%s, %s%s,\n            %s)' % (cs(go or name), ('new[] { %s }' % ', '.join(cs(r) for r in req)) if req else 'NoneRequired', ', preserveUnknown: true' if n.get('x-kubernetes-preserve-unknown-fields') else '', ',\n            '.join(fields))
        types[key] = name
        emitted.append((name, code))
        return name
    t = n.get('type')
    if t == 'array':
        return 'Arr(%s)' % node(n['items'], path + '[]', hint)
    if t == 'object' and isinstance(n.get('additionalProperties'), dict):
        return 'Map(%s)' % node(n['additionalProperties'], path + '{}', hint)
    if n.get('x-kubernetes-preserve-unknown-fields'):
        return 'AnyObject' if t == 'object' else 'Any'
    if t == 'object':
        return 'OpaqueObject'
    if t == 'string':
        extra = []
        if 'enum' in n: extra.append('enumValues: new[] { %s }' % ', '.join(cs(e) for e in n['enum']))
        if 'pattern' in n: extra.append('pattern: %s' % cs(n['pattern']))
        if 'minLength' in n: extra.append('minLength: %d' % n['minLength'])
        if 'format' in n: extra.append('format: %s' % cs(n['format']))
        return 'Str(%s)' % ', '.join(extra) if extra else 'String'
    if t == 'boolean':
        return 'Boolean'
    if t == 'integer':
        return 'Integer'
    raise Exception('unhandled schema at ' + path + ': ' + json.dumps(n)[:200])

spec_name = node(root['properties']['spec'], 'spec', 'spec')
lines = []
for name, code in emitted:
    lines.append('    /// <summary>The %s schema.</summary>\n    public static readonly SchemaNode %s = %s;\n' % (name, name, code))
cs_text = '''// <auto-generated>
// The structural schema of Argo CD's ApplicationSet CRD (manifests/crds/applicationset-crd.yaml at v3.5.1), descriptions
// dropped and identical object schemas shared, each object's fields in its Go struct's declaration order
// (pkg/apis/application/v1alpha1/types.go, applicationset_types.go at v3.5.1). Written by
// tests/HubDsl.Cli.Tests/Schema/gen_schema_table.py; ApplicationSetSchemaTests checks it against the CRD.
// </auto-generated>
namespace HubDsl.Core.Schema;

/// <summary>Argo CD's ApplicationSet schema (v3.5.1) as the API server validates it, in Go field order.</summary>
public static partial class ApplicationSetSchema
{
%s
    /// <summary>The ApplicationSet's <c>spec</c>.</summary>
    public static SchemaNode Spec => %s;
}
''' % ('\n'.join(lines), spec_name)
open(out_path, 'w').write(cs_text)
print(len(emitted), 'object schemas')
