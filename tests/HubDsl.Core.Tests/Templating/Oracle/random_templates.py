# Grammar-based random templates (fixed seed) for differential testing against the Go oracle.
import random, json
rnd = random.Random(42)
FIELDS = [".s", ".n", ".f", ".b", ".z", ".e", ".l", ".nums", ".m", ".m.x", ".m.y", ".nil", ".nope", ".ss", ".ss.k", ".nested.a.b.c", ".list2", ".emptyl", ".text", ".neg", ".pi", "."]
LITS = ['"a"', '"hello world"', '"x,y,z"', '""', "1", "0", "-2", "3", "1.5", "true", "false", "nil", "'c'", "`raw`", '"%v-%d"', '"^h.*"', '"l+"']
FUNCS1 = ["upper", "lower", "title", "trim", "len", "not", "quote", "squote", "toString", "toJson", "toYaml", "int", "int64", "float64", "first", "last",
          "empty", "b64enc", "sha1sum", "normalize", "slugify", "nospace", "print", "html", "js", "urlquery", "toStrings", "uniq", "reverse", "compact",
          "typeOf", "kindOf", "base", "dir", "ext", "clean", "add1", "floor", "ceil", "println"]
FUNCS2 = ["default", "eq", "ne", "lt", "le", "gt", "ge", "and", "or", "index", "contains", "hasPrefix", "hasSuffix", "trimPrefix", "trimSuffix", "trimAll",
          "trunc", "repeat", "indent", "nindent", "join", "split", "splitList", "add", "sub", "mul", "div", "mod", "max", "min", "has", "without",
          "append", "prepend", "get", "hasKey", "regexMatch", "regexFind", "printf", "print", "list", "dict", "coalesce", "cat", "concat", "plural", "ternary",
          "replace", "regexReplaceAll", "substr", "splitn", "pluck", "dig", "chunk", "until", "untilStep", "semverCompare", "mergeOverwrite", "merge", "set", "unset", "slice"]
def operand(d):
    r = rnd.random()
    if r < 0.4: return rnd.choice(FIELDS)
    if r < 0.7: return rnd.choice(LITS)
    if r < 0.8: return "$" if rnd.random() < 0.3 else "$x"
    if d < 2: return "(" + pipeline(d + 1) + ")"
    return rnd.choice(FIELDS)
def command(d, piped):
    r = rnd.random()
    if r < 0.25 and not piped: return operand(d)
    if r < 0.55: return rnd.choice(FUNCS1) + ("" if piped else " " + operand(d))
    f = rnd.choice(FUNCS2)
    n = rnd.randrange(1, 4) - (1 if piped else 0)
    return " ".join([f] + [operand(d) for _ in range(max(n, 0))])
def pipeline(d):
    cmds = [command(d, False)]
    for _ in range(rnd.choice([0, 0, 1, 2])): cmds.append(command(d, True))
    return " | ".join(cmds)
def action(d):
    r = rnd.random()
    if d < 2 and r < 0.12: return "{{ if " + pipeline(d) + " }}" + body(d + 1) + ("{{ else }}" + body(d + 1) if rnd.random() < 0.5 else "") + "{{ end }}"
    if d < 2 and r < 0.22: return "{{ range " + rnd.choice(["", "$i, $e := ", "$e := "]) + pipeline(d) + " }}" + body(d + 1) + "{{ end }}"
    if d < 2 and r < 0.30: return "{{ with " + pipeline(d) + " }}" + body(d + 1) + "{{ end }}"
    if r < 0.38: return "{{ $x := " + pipeline(d) + " }}"
    return "{{ " + pipeline(d) + " }}"
def body(d):
    return "".join(rnd.choice(["", "-", " ", "|"]) + action(d) for _ in range(rnd.randrange(1, 3)))
def generate(n):
    out = []
    for _ in range(n):
        out.append("{{ $x := 1 }}" + body(0))
    return out

# Control-structure heavy variant: nested range/with/if/else if/break/continue, variables and define/template.
def control(d, in_range=False):
    r = rnd.random()
    src = rnd.choice([".l", ".list2", ".m", ".ss", ".nums", ".emptyl", ".nope", ".nested", ".mixed", "(until 3)", "$", "."])
    if d < 3 and r < 0.2:
        return "{{ range " + rnd.choice(["", "$i, $v := ", "$v := "]) + src + " }}" + cbody(d + 1, True) + rnd.choice(["", "{{ else }}E"]) + "{{ end }}"
    if d < 3 and r < 0.35:
        # no "else with": Go 1.19 (the oracle) predates it
        return "{{ with " + rnd.choice(["", "$w := "]) + src + " }}" + cbody(d + 1, in_range) + rnd.choice(["", "{{ else }}N"]) + "{{ end }}"
    if d < 3 and r < 0.5:
        return "{{ if " + rnd.choice([src, "eq .n 3", "not " + src, "and " + src + " .s", "or .nope " + src]) + " }}" + cbody(d + 1, in_range) + rnd.choice(["", "{{ else if .b }}B", "{{ else }}F"]) + "{{ end }}"
    if in_range and r < 0.58:
        return rnd.choice(["{{ break }}", "{{ continue }}", "{{ if $ }}{{ continue }}{{ end }}"])
    if r < 0.7:
        return "{{ " + rnd.choice(["$i", "$v", "$w", "$x", "$", "."]) + rnd.choice(["", ".x", ".name", ".a"]) + " }}"
    if r < 0.8:
        return "{{ $x = " + rnd.choice(["1", ".s", "$", "."]) + " }}"
    if r < 0.88:
        return "{{ template \"t\" " + rnd.choice(["", ".", ".m", "$"]) + " }}"
    return "{{ " + pipeline(2) + " }}"

def cbody(d, in_range=False):
    return "".join(rnd.choice(["", "|", "\n"]) + control(d, in_range) for _ in range(rnd.randrange(1, 3)))

def generate_control(n):
    return ["{{ define \"t\" }}<{{ . }}>{{ end }}{{ $x := 0 }}" + cbody(0) for _ in range(n)]
