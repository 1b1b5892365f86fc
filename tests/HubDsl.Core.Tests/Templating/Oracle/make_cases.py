# Builds the oracle input: every template case × data × missingkey mode that the C# tests replay.
import json, sys

CLUSTER = {"name": "prod", "nameNormalized": "prod", "server": "https://1.2.3.4",
           "metadata": {"labels": {"$ss": 1, "env": "prod", "my-label": "x"}, "annotations": {"$ss": 1, "a": "b"}},
           "values": {"revision": "main"}}
INCLUSTER = {"name": "in-cluster", "nameNormalized": "in-cluster", "server": "https://kubernetes.default.svc"}
NOANN = {"name": "c", "metadata": {"labels": {"$ss": 1, "env": "dev"}}}
MISC = {"s": "hello", "n": 3, "f": 1.5, "b": True, "z": 0, "e": "", "l": ["a", "b", "c"], "nums": [3, 1, 2],
        "m": {"x": 1, "y": "two"}, "nil": None, "big": 1000000.0, "small": 0.0001, "neg": -2, "mixed": [1, "a", True, None],
        "ss": {"$ss": 1, "k": "v", "a": "b"}, "nested": {"a": {"b": {"c": "deep"}}}, "text": "Hello World, hello Go",
        "list2": [{"name": "a", "v": 1}, {"name": "b", "v": 2}], "emptyl": [], "emptym": {}, "f2": 2.0, "e6": 1e21, "pi": 3.14159}

cases = []
def add(t, d=MISC, modes=("",)):
    for m in modes:
        cases.append({"t": t, "d": d, "m": m})

ALL = ("", "missingkey=invalid", "missingkey=zero", "missingkey=error")

# --- spec 3.2 traps, all modes ---
for t in ["{{ .metadata.labels.env }}", "{{ .metadata.labels.missing }}", "{{ .nope }}", "{{ .values.revision }}",
          "{{ index .metadata.labels \"missing\" }}", "{{ index .metadata.labels \"my-label\" }}",
          "{{ index .metadata.annotations \"a\" }}", "{{ if .metadata }}yes{{ else }}no{{ end }}",
          "{{ if hasKey . \"metadata\" }}yes{{ else }}no{{ end }}", "{{ get .metadata.labels \"env\" }}",
          "{{ .metadata.labels.my-label }}", "{{ .metadata.labels.argocd.argoproj.io/secret-type }}",
          "{{ .name }}-{{ .nameNormalized }}", "{{ .metadata.labels }}", "{{ .metadata }}", "{{ .nope.deeper }}",
          "{{ printf \"%s\" .nope }}", "{{ print .nope }}", "{{ .nope | default \"d\" }}", "{{ default \"d\" .metadata.labels.missing }}",
          "{{ len .metadata.labels }}", "{{ with .metadata }}{{ .labels.env }}{{ else }}none{{ end }}",
          "{{ $x := .nope }}{{ $x }}", "{{ upper .nope }}", "{{ upper .metadata.labels.nope }}", "{{ .values.nope }}"]:
    for d in (CLUSTER, INCLUSTER, NOANN):
        add(t, d, ALL)

# --- lexing / parsing ---
for t in ["plain text", "", "{{/* comment */}}x", "a {{- \" b \" -}} c", "a  {{- 1 }}  b", "{{ 1 -}}  \n b", "{{- /* c */ -}}  x",
          "{{ \"unterminated }}", "{{ .x ", "{{ `raw\nstring` }}", "{{ 'a' }}", "{{ '\\n' }}", "{{ 0x1F }}", "{{ 1e3 }}", "{{ 1.5e-7 }}",
          "{{ -3 }}", "{{ +5 }}", "{{ 1_000 }}", "{{ 0o17 }}", "{{ 0b101 }}", "{{ 017 }}", "{{ 99999999999999999999 }}", "{{ 1.0 }}",
          "{{ true }} {{ false }}", "{{ nil }}", "{{ foo }}", "{{ .x | foo }}", "{{ end }}", "{{ else }}", "{{ if true }}x",
          "{{ if true }}x{{ else }}y{{ else }}z{{ end }}", "{{ range .l }}{{ break }}{{ end }}", "{{ break }}", "{{ continue }}",
          "{{ (1 }}", "{{ 1) }}", "{{ $undefined }}", "{{ $x = 1 }}", "{{ $x := 1 }}{{ $x = 2 }}{{ $x }}", "{{ 1 | 2 }}",
          "{{ .s | . }}", "{{ \"a\".b }}", "{{ 1.x }}", "{{ .l.0 }}", "{{ }}", "{{ | }}", "{{ ( ) }}", "{{ .s \n .s }}",
          "line1\nline2 {{ foo }}", "x\n{{ if }}", "{{ define \"t\" }}T{{ end }}{{ template \"t\" }}", "{{ template \"nope\" }}",
          "{{ block \"b\" . }}B{{ .s }}{{ end }}", "{{ template \"t\" . }}{{ define \"t\" }}[{{ .s }}]{{ end }}",
          "{{ @ }}", "{{ .s | printf \"%s!\" }}", "{{ \"\\x41\\u00e9\" }}", "{{ \"bad\\q\" }}", "{{ range $i, $v, $w := .l }}{{ end }}",
          "{{ with $x := .s }}{{ $x }}{{ end }}{{ $x }}", "{{ $x, $y := 1 }}", "{{ .s.x }}", "{{ $.s }}", "{{ $ }}",
          "{{ ( .s ) }}", "{{ (.m).x }}", "{{ (index .list2 0).name }}", "{{ $m := .m }}{{ $m.y }}", "{{ .m.x.y }}",
          "{{ len }}", "{{ nil | print }}", "{{ printf }}", "{{ .s 1 }}", "{{ .m.x 1 }}", "{{ $x := 1 }}{{ $x 2 }}",
          "{{ if 1 }}a{{ else if 2 }}b{{ end }}", "{{ if 0 }}a{{ else if 0 }}b{{ else }}c{{ end }}",
          "{{ with .nope }}a{{ else with .s }}{{ . }}{{ end }}", "{{{{ .s }}}}", "{{ \"{{\" }}", "{{ .s }}}}",
          "{{ 3 | printf \"%d %d\" 2 }}", "{{ \"x\" | len }}", "{{ .s -}}\n\n  end", "{{ .s}} {{.n}}", "{{- .s -}}", "{{ -.s }}",
          "{{ .s | upper | lower }}", "{{ .e | default \"dflt\" | upper }}", "{{ \"a\" \"b\" }}", "{{ if }}{{ end }}",
          "{{ range }}{{ end }}", "{{ range .l }}{{ else }}{{ end }}{{ end }}", "{{ $x := 1 }}{{ if true }}{{ $x := 2 }}{{ $x }}{{ end }}{{ $x }}",
          "{{ $x := 1 }}{{ if true }}{{ $x = 2 }}{{ end }}{{ $x }}", "{{ range $i, $e := .l }}{{ $i }}={{ $e }};{{ end }}",
          "{{ range $k, $v := .m }}{{ $k }}={{ $v }};{{ end }}", "{{ range .ss }}{{ . }}{{ end }}", "{{ range $k, $v := .ss }}{{ $k }}{{ $v }}{{ end }}",
          "{{ range .emptyl }}x{{ else }}empty{{ end }}", "{{ range .nope }}x{{ else }}none{{ end }}", "{{ range .s }}x{{ end }}",
          "{{ range .n }}x{{ end }}", "{{ range .l }}{{ if eq . \"b\" }}{{ continue }}{{ end }}{{ . }}{{ end }}",
          "{{ range .l }}{{ if eq . \"b\" }}{{ break }}{{ end }}{{ . }}{{ end }}", "{{ range .list2 }}{{ .name }}{{ end }}",
          "{{ range .l }}{{ .x }}{{ end }}", "{{ range $v := .l }}{{ $v }}{{ end }}", "{{ with .m }}{{ .y }}{{ end }}",
          "{{ with .e }}x{{ else }}empty{{ end }}", "{{ if .emptym }}a{{ else }}b{{ end }}", "{{ if .nil }}a{{ else }}b{{ end }}",
          "{{ if .f }}a{{ end }}", "{{ if .z }}a{{ else }}z{{ end }}", "{{ .nil }}", "{{ .nil.x }}", "{{ .mixed }}", "{{ .m }}",
          "{{ .nested }}", "{{ .ss }}", "{{ .l }}", "{{ .f }} {{ .big }} {{ .small }} {{ .neg }} {{ .f2 }} {{ .e6 }} {{ .pi }}",
          "{{ 1.5 }} {{ 100000000.0 }} {{ 0.000001 }} {{ 123456.0 }} {{ 1234567.0 }}", "{{ .emptyl }} {{ .emptym }}",
          "{{ $ := 1 }}", "{{ .s.y.z }}", "{{ index .l 1 }}", "{{ index .l 5 }}", "{{ index .l -1 }}", "{{ index .l \"a\" }}",
          "{{ index .m \"x\" }}", "{{ index .m \"q\" }}", "{{ index .m 1 }}", "{{ index .nested \"a\" \"b\" \"c\" }}", "{{ index .s 1 }}",
          "{{ index nil 1 }}", "{{ index .nope \"a\" }}", "{{ index .n 1 }}", "{{ index .l }}", "{{ index .nil \"a\" }}",
          "{{ len .l }} {{ len .s }} {{ len .m }} {{ len \"héllo\" }}", "{{ len .n }}", "{{ len .nil }}", "{{ len .nope }}",
          "{{ slice .l 1 }}", "{{ slice .l 1 2 }}", "{{ slice .l 2 1 }}",
          "{{ and 1 0 2 }} {{ and 1 2 }} {{ or 0 \"\" }} {{ or 0 \"x\" 1 }} {{ not 0 }} {{ not .s }}", "{{ and }}", "{{ not 1 2 }}",
          "{{ and .nope (index nil 1) }}", "{{ or .s (index nil 1) }}", "{{ and .s .nope }}", "{{ or .nope .nope }}",
          "{{ eq 1 1 }} {{ eq 1 2 }} {{ eq \"a\" \"a\" }} {{ eq .s \"hello\" }} {{ eq 1 2 3 1 }} {{ eq .n 3 }}", "{{ eq 1 \"a\" }}",
          "{{ eq 1 1.0 }}", "{{ eq .nope .nope }}", "{{ eq .nope 1 }}", "{{ eq .l .l }}", "{{ eq .m .l }}", "{{ eq 1 }}",
          "{{ ne 1 2 }} {{ lt 1 2 }} {{ le 2 2 }} {{ gt \"b\" \"a\" }} {{ ge 1.5 2.5 }}", "{{ lt 1 \"a\" }}", "{{ lt true false }}",
          "{{ lt .l .l }}", "{{ lt .nope 1 }}", "{{ gt .n 2 }}", "{{ lt .n 3.5 }}", "{{ eq .f 1.5 }}", "{{ eq .b true }}",
          "{{ print 1 2 \"a\" \"b\" 3 }}", "{{ print .l .m }}", "{{ println 1 \"a\" }}", "{{ print nil }}", "{{ print }}",
          "{{ html \"<a href='x'>&\\\"</a>\" }}", "{{ js \"it's <b>\\\"q\\\"</b> = é\\n\" }}", "{{ urlquery \"a b&c=d/é\" }}",
          "{{ html .nope }}", "{{ urlquery 1 2 }}", "{{ html .s .n }}", "{{ call .s }}",
          ]:
    add(t)

# --- printf ---
for f, args in [("%s", ".s"), ("%d", ".n"), ("%v", ".l"), ("%q", ".s"), ("%t", ".b"), ("%x", ".n"), ("%X", "255"), ("%x", ".s"),
                ("%f", ".f"), ("%.2f", ".pi"), ("%5s|", ".s"), ("%-8s|", ".s"), ("%05d", ".n"), ("%05d", ".neg"), ("%%", ""),
                ("%d", ".s"), ("%s", ".n"), ("%s", ".nope"), ("%d", ""), ("%s", ".s .n"), ("%v", ".m"), ("%v", ".nil"),
                ("%d", ".l"), ("%s", ".f"), ("%t", ".n"), ("%q", ".n"), ("%c", "65"), ("%e", ".pi"), ("%g", ".big"), ("%v", ".f2"),
                ("%+d", ".n"), ("%8.3f|", ".pi"), ("%-5d|", ".n"), ("%.3s", ".s"), ("%x", ".f"), ("%o", "8"), ("%b", "5"), ("%q", ".l"),
                ("%v %v", ".b .nil"), ("%s", ".mixed"), ("%d%%", "50"), ("%", ".s"), ("%z", ".s"), ("%.1f", "2.25"), ("%.0f", "2.5"),
                ("%6.2f|", "3.14159"), ("%T", ".s"), ("%s", ".ss"), ("%v", ".emptyl")]:
    add("{{ printf \"%s\" %s }}" % (f, args))

# --- sprig ---
for t in ["{{ default \"x\" .e }}", "{{ default \"x\" .s }}", "{{ default \"x\" .z }}", "{{ default \"x\" .nope }}", "{{ default \"x\" .emptyl }}",
          "{{ default 5 .b }}", "{{ default \"x\" }}", "{{ empty .e }} {{ empty .s }} {{ empty .z }} {{ empty .nope }} {{ empty .emptym }} {{ empty .f }}",
          "{{ coalesce .e .z .s }}", "{{ coalesce .e .nope }}", "{{ coalesce }}", "{{ ternary \"y\" \"n\" .b }}", "{{ ternary \"y\" \"n\" .z }}",
          "{{ ternary \"y\" \"n\" false }}", "{{ lower \"ABC\" }} {{ upper .s }} {{ title \"hello wide world\" }} {{ title \"o'neil is-here x_y\" }}",
          "{{ trim \"  x y \\n\" }}|", "{{ trimAll \"$\" \"$$5.00$\" }}", "{{ trimPrefix \"he\" .s }} {{ trimSuffix \"lo\" .s }} {{ trimPrefix \"x\" .s }}",
          "{{ trunc 3 .s }} {{ trunc -2 .s }} {{ trunc 10 .s }} {{ trunc -10 .s }} {{ trunc 0 .s }}", "{{ trunc .n .s }}", "{{ trunc \"3\" .s }}",
          "{{ replace \"l\" \"L\" .s }}", "{{ replace \"\" \"-\" \"abc\" }}", "{{ repeat 3 \"ab\" }}", "{{ repeat -1 \"ab\" }}",
          "{{ substr 1 3 .s }} {{ substr -1 2 .s }} {{ substr 2 -1 .s }} {{ substr 2 99 .s }}", "{{ substr 4 2 .s }}",
          "{{ nospace \" a b\\tc\\n\" }}", "{{ quote .s .n .nope \"x\\\"y\" }}", "{{ squote .s .n .nil }}", "{{ cat .s .n .nil .l }}",
          "{{ indent 2 \"a\\nb\" }}", "{{ nindent 4 \"a\\nb\" }}", "{{ contains \"ell\" .s }} {{ hasPrefix \"he\" .s }} {{ hasSuffix \"x\" .s }}",
          "{{ join \",\" .l }} {{ join \"-\" .nums }} {{ join \",\" .mixed }} {{ join \",\" .s }}", "{{ split \",\" \"a,b,c\" }}",
          "{{ (split \",\" \"a,b\")._1 }}", "{{ splitList \",\" \"a,b,,c\" }}", "{{ splitList \"\" \"abc\" }}", "{{ splitn \",\" 2 \"a,b,c\" }}",
          "{{ list 1 \"a\" .b }}", "{{ list }}", "{{ append .l \"d\" }}", "{{ append .s \"d\" }}", "{{ mustAppend .l 1 }}",
          "{{ first .l }} {{ last .l }} {{ first .emptyl }}", "{{ first .s }}", "{{ uniq (list 1 2 1 \"a\" \"a\" 2) }}",
          "{{ has \"b\" .l }} {{ has \"z\" .l }} {{ has 1 .nums }}", "{{ has 1 .nil }}", "{{ without .l \"a\" \"c\" }}",
          "{{ $d := dict \"a\" 1 \"b\" \"two\" }}{{ $d }} {{ $d.a }} {{ get $d \"b\" }} {{ get $d \"zz\" }}", "{{ dict \"a\" }}", "{{ dict 1 2 }}",
          "{{ get .m \"x\" }}", "{{ get .ss \"k\" }}", "{{ get .nope \"x\" }}", "{{ $d := dict \"a\" 1 }}{{ set $d \"b\" 2 }} {{ $d }}",
          "{{ $d := dict \"a\" 1 \"b\" 2 }}{{ unset $d \"a\" }}", "{{ hasKey .m \"x\" }} {{ hasKey .m \"z\" }}", "{{ hasKey .ss \"k\" }}",
          "{{ keys (dict \"b\" 1 \"a\" 2) | sortAlpha }}", "{{ keys .m | len }}", "{{ values (dict \"a\" 1) }}",
          "{{ pluck \"a\" (dict \"a\" 1) (dict \"b\" 2) (dict \"a\" 3) }}", "{{ merge (dict \"a\" 1 \"n\" (dict \"x\" 1)) (dict \"a\" 2 \"b\" 3 \"n\" (dict \"y\" 2)) }}",
          "{{ toJson .m }} {{ toJson .l }} {{ toJson .s }} {{ toJson .nil }} {{ toJson .f }} {{ toJson .big }} {{ toJson .e6 }} {{ toJson .small }}",
          "{{ toJson .ss }}", "{{ toJson \"<a&b>\" }}", "{{ toPrettyJson .nested }}", "{{ toPrettyJson .emptyl }} {{ toPrettyJson .emptym }}",
          "{{ toPrettyJson .list2 }}", "{{ toString 1 }} {{ toString .f }} {{ toString .l }} {{ toString .nil }} {{ toString .b }}",
          "{{ toStrings .mixed }}", "{{ int \"42\" }} {{ int .f }} {{ int \"x\" }} {{ int64 \"0x10\" }} {{ int .b }} {{ int .nil }} {{ float64 \"1.5\" }} {{ float64 3 }}",
          "{{ atoi \"12\" }} {{ atoi \"x\" }} {{ atoi \"-3\" }} {{ atoi \"+4\" }}", "{{ add 1 2 3 }} {{ add }} {{ add \"4\" 1.9 }} {{ sub 5 7 }} {{ mul 2 3 4 }} {{ div 7 2 }} {{ mod 7 3 }} {{ div -7 2 }}",
          "{{ div 1 0 }}", "{{ max 1 5 3 }} {{ min 4 2 8 }} {{ max \"7\" 2 }}", "{{ add1 .n }} {{ biggest 1 9 }}",
          "{{ regexMatch \"^h.*o$\" .s }} {{ regexMatch \"[0-9]+\" .s }}", "{{ regexFind \"l+\" .s }} {{ regexFind \"z\" .s }}",
          "{{ regexFindAll \"l\" .text -1 }} {{ regexFindAll \"l\" .text 2 }} {{ regexFindAll \"o\" .text 0 }}",
          "{{ regexReplaceAll \"l(o)\" .text \"[$1]\" }}", "{{ regexReplaceAll \"(?P<w>[a-z]+)\" \"ab cd\" \"${w}x\" }}",
          "{{ regexReplaceAll \"o\" .text \"$1x\" }}", "{{ regexReplaceAllLiteral \"l(o)\" .text \"[$1]\" }}",
          "{{ regexSplit \",\\\\s*\" \"a, b,c\" -1 }} {{ regexSplit \"x*\" \"abc\" -1 }} {{ regexSplit \",\" \"a,b,c\" 2 }}",
          "{{ regexMatch \"(\" .s }}", "{{ regexMatch \"a(?=b)\" .s }}", "{{ regexMatch \"(a)\\\\1\" .s }}",
          "{{ sha1sum \"abc\" }} {{ sha256sum \"abc\" }}", "{{ b64enc \"héllo\" }} {{ b64dec \"aMOpbGxv\" }} {{ b64dec \"!!\" }}",
          "{{ normalize \"production_01/west\" }}", "{{ normalize \"-.--CLUSTER/name  -./.-\" }}", "{{ normalize \"My Cluster\" }}",
          "{{ normalize \"arn:aws:eks:us-east-1:123:cluster/prod\" }}", "{{ normalize \"https://1.2.3.4:6443\" }}", "{{ normalize \"a..b\" }}",
          "{{ normalize \"___\" }}", "{{ normalize \"Ünïcode Straße\" }}",
          "{{ slugify \"Hello World.Foo bar\" }}", "{{ slugify 10 \"Hello World.Foo bar\" }}", "{{ slugify 10 false \"Hello World.Foo bar\" }}",
          "{{ slugify 3 \"abcdef\" }}", "{{ slugify 0 \"a-b\" }}", "{{ slugify 5 false \"a...b.c\" }}",
          "{{ slugify \"feat/a-really-long-pull-request-name-to-test-argo-slugification-and-branch-name-shortening-feature\" }}",
          "{{ slugify \"1\" \"x\" }}", "{{ slugify }}",
          "{{ toYaml .nested }}", "{{ toYaml .m }}", "{{ toYaml .l }}", "{{ toYaml .list2 }}", "{{ toYaml .s }}", "{{ toYaml .nil }}",
          "{{ toYaml (dict \"a\" \"yes\" \"b\" \"1.5\" \"c\" \"\" \"d\" \"x: y\" \"e\" \"multi\\nline\" \"f\" \"#c\" \"g\" \"-x\" \"h\" \"null\" \"i\" \"on\" \"j\" \"1e3\" \"k\" \"- a\") }}",
          "{{ toYaml (dict \"e\" .emptyl \"m\" .emptym \"n\" .nil \"f\" .f \"i\" .n \"b\" .b \"big\" .big) }}",
          "{{ toYaml (list (list 1 2) (dict \"a\" (list 3))) }}", "{{ toYaml .ss }}",
          "{{ env \"HOME\" }}", "{{ expandenv \"$HOME\" }}", "{{ getHostByName \"x\" }}", "{{ hasKey .metadata.labels \"x\" }}"]:
    add(t)

json.dump(cases, sys.stdout, ensure_ascii=False)
