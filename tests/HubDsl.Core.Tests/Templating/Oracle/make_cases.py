# Functions whose Go result depends on map iteration order (keys, values of >1 entry) appear only sorted or counted.
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

# --- goTemplate missing-key traps (index, dashed keys, in-cluster without metadata), all modes ---
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


# --- round 2: positions, multi-line, nesting, more functions ---
DEEP = {"a": {"b": {"c": None, "s": "str", "l": [1, {"x": "y"}]}}, "u": "héllo wörld", "ss": {"$ss": 1, "k": "v"}}
for t in ["line1\n{{ .a.b.c.d }}", "x\n  y {{ .a.nope.z }}", "{{ .a.b.s.x }}", "{{ .a.b.l.x }}", "{{ $x := .a.b }}{{ $x.s.x }}",
          "{{ range .a.b.l }}{{ .x }}{{ end }}", "{{ with .a.b }}{{ .nope }}{{ end }}", "{{ .a.b.c }}", "{{ .a.b.c.x }}",
          "é {{ .nope.x.y }}", "héllo\nwörld {{ .a.nope.q }}", "{{ .u }} {{ len .u }} {{ upper .u }} {{ trunc 3 .u }}", "{{ index .a.b.l 1 \"x\" }}",
          "{{ index .a.b.l 1 \"nope\" }}", "{{ index .a \"b\" \"nope\" \"x\" }}", "{{ .ss.k.x }}", "{{ .ss.nope }}", "{{ .ss.nope.x }}",
          "{{ $.a.b.s }}", "{{ range $i, $e := .a.b.l }}{{ $i }}:{{ $e }} {{ end }}", "{{ $ }}", "{{ . }}",
          "{{ template \"x\" .a }}{{ define \"x\" }}{{ .b.s }}/{{ $.b.s }}{{ end }}", "{{ define \"x\" }}a{{ end }}{{ define \"x\" }}b{{ end }}",
          "{{ define \"x\" }}{{ end }}{{ define \"x\" }}b{{ end }}{{ template \"x\" }}", "{{ define \"x\" }}{{ template \"x\" }}{{ end }}x",
          "{{ if .a }}\n{{ .a.nope.z }}\n{{ end }}", "{{\n.nope\n}}", "{{ .a.b.c | printf \"%v\" }}", "{{ printf \"%v\" .a.b.c }}",
          "{{ .a.b.c | default \"d\" }}", "{{ .a.b.c | upper }}", "{{ upper .a.b.c }}", "{{ default \"d\" .a.b.c }}", "{{ list .a.b.c .nope }}",
          "{{ dict \"k\" .nope }}", "{{ eq .a.b.c nil }}", "{{ eq .nope nil }}", "{{ if eq .a.b.c nil }}nil{{ end }}", "{{ not .a.b.c }}",
          "{{ .nope | len }}", "{{ and .a.b.c 1 }}", "{{ or .a.b.c \"x\" }}", "{{ and 1 .a.b.c }}"]:
    add(t, DEEP, ALL)

for t in ["{{ \"a\"\n}}", "a\nb\n{{ bad", "{{ if true }}\n\n{{ end", "{{/* x\ny */}}z", "{{/* unclosed", "{{/* x */ }}", "{{ 1 }}\n{{ 2 }}\n{{ $y }}",
          "{{ range $i := .l }}{{ end }}", "{{ range $i, $e := .l }}{{ end }}{{ $e }}", "{{ range .l }}{{ end }}{{ break }}",
          "{{ range .l }}{{ if true }}{{ break }}{{ end }}{{ end }}done", "{{ with .s }}{{ break }}{{ end }}", "{{ if true }}{{ else }}{{ end }}{{ end }}",
          "{{ .s |}}", "{{ .s | | upper }}", "{{ , }}", "{{ .s, }}", "{{ $x := }}", "{{ := 1 }}", "{{ $x.y := 1 }}", "{{ 3 := 1 }}",
          "{{ printf \"%d\" 3.0 }}", "{{ printf \"%d\" 3 }}", "{{ printf \"%s\" 'x' }}", "{{ printf \"%c\" 'é' }}", "{{ 'ab' }}",
          "{{ \"\\u00e9\\t\\\\\" }}", "{{ `a\\nb` }}", "{{ 1e400 }}", "{{ 0x }}", "{{ 1__0 }}", "{{ 9223372036854775807 }}",
          "{{ 9223372036854775808 }}", "{{ -9223372036854775808 }}", "{{ 18446744073709551615 }}", "{{ 1.5e3 }} {{ 2e0 }} {{ .5 }}",
          "{{ 1i }}", "{{ 0x1p4 }}", "{{ add 0x10 010 0b11 }}", "{{ 1.5 | printf \"%T\" }}", "{{ 1 | printf \"%T\" }}", "{{ add 1 2 | printf \"%T\" }}",
          "{{ .s | printf \"%T\" }}", "{{ list 1 | printf \"%T\" }}", "{{ dict | printf \"%T\" }}", "{{ splitList \",\" \"a\" | printf \"%T\" }}",
          "{{ .ss | printf \"%T\" }}", "{{ .m | printf \"%T\" }}", "{{ .nil | printf \"%T\" }}",
          "{{ printf \"%q\" \"a\\\"b\\n\" }}", "{{ printf \"%#q\" \"ab\" }}", "{{ printf \"%x\" \"hi\" }}", "{{ printf \"% d\" 5 }}",
          "{{ printf \"%8.2e\" 1234.5678 }}", "{{ printf \"%g\" 0.00001234 }}", "{{ printf \"%.3g\" 1234.5678 }}", "{{ printf \"%v\" 1e20 }}",
          "{{ printf \"%v\" 1e21 }}", "{{ printf \"%v\" 123456789.0 }}", "{{ printf \"%v\" 0.1 }}", "{{ printf \"%v\" -0.0 }}",
          "{{ printf \"%*d\" 5 3 }}", "{{ printf \"%-*d|\" 5 3 }}", "{{ printf \"%.*f\" 2 3.14159 }}", "{{ printf \"%[2]d %[1]d\" 1 2 }}",
          "{{ printf \"%s %s\" .s }}", "{{ printf \"%!\" }}", "{{ printf \"%v\" .ss }}", "{{ printf \"%d\" .m }}", "{{ printf \"%6.2f|%-8.3f|\" .pi .f }}",
          "{{ printf \"%05s\" \"ab\" }}", "{{ printf \"%-05d|\" 3 }}", "{{ printf \"%+.1f\" 2.0 }}", "{{ printf \"%x\" -255 }}", "{{ printf \"%08.3f\" -3.14159 }}",
          "{{ printf \"%t\" true }}", "{{ printf \"%v\" true }}", "{{ printf \"%s\" true }}", "{{ printf \"%5t|\" true }}", "{{ printf \"%q\" 65 }}",
          "{{ printf \"%U\" 65 }}", "{{ printf \"%o\" 64 }}", "{{ printf \"%#x\" 255 }}", "{{ printf \"%#o\" 8 }}", "{{ printf \"%b\" -5 }}",
          "{{ printf \"%.2s\" \"héllo\" }}", "{{ printf \"%5.1s|\" \"abc\" }}", "{{ printf \"%v|%v\" .emptym .emptyl }}",
          "{{ printf 5 }}", "{{ printf .n }}", "{{ printf \"%s\" }}", "{{ printf \"a\" \"b\" }}",
          "{{ fromYaml \"{\\\"a\\\": 1, \\\"b\\\": [1, 2.5, \\\"x\\\"]}\" }}", "{{ fromYamlArray \"[1, \\\"a\\\", {\\\"k\\\": null}]\" }}",
          "{{ (fromYaml \"{\\\"a\\\": {\\\"b\\\": \\\"c\\\"}}\").a.b }}", "{{ fromYaml \"[1]\" }}", "{{ fromYamlArray \"{\\\"a\\\": 1}\" }}",
          "{{ toYaml (fromYaml \"{\\\"z\\\": 1, \\\"a\\\": [true, null]}\") }}", "{{ toJson (list 1.0 2.5 100000000000000000000.0 0.0000001) }}",
          "{{ toYaml (list \"\" \"~\" \"a b\" \"a:b\" \"a: b\" \"-\" \"- \" \"?x\" \"[x]\" \"{x}\" \"x,y\" \"@x\" \"`x\" \"!x\" \"&x\" \"*x\" \"|x\" \">x\" \"%x\" \"'x\" \"\\\"x\" \" x\" \"x \" \"x #y\" \"x#y\" \"0x1F\" \"0o17\" \"1_000\" \"+1\" \".5\" \"1.\" \"1e5\" \"12:30\" \"Y\" \"NO\" \"Off\" \".inf\" \"-.Inf\" \".nan\" \"2001-12-14\" \"<<\" \"=\" \"x\\ty\" \"tab\\t\" \"a\\r\\nb\") }}",
          "{{ toYaml (dict \"key with space\" 1 \"yes\" 2 \"1\" 3 \"-k\" 4 \"k:\" 5) }}", "{{ toYaml (list \"multi\\nline\\n\" \"trail \\nx\" \" lead\\nx\") }}",
          "{{ toYaml (dict \"l\" (list (dict \"a\" 1 \"b\" (list 1 2)) 3)) }}", "{{ toYaml 1.5 }} {{ toYaml 3 }} {{ toYaml true }} {{ toYaml .l }}",
          "{{ toYaml (list 1e21 0.000001 123456789.0 1.0) }}", "{{ toYaml .emptyl }}|{{ toYaml .emptym }}|{{ toYaml \"\" }}",
          "{{ quote \"é\\x01\" }}", "{{ squote \"it's\" }}", "{{ cat }}", "{{ cat \"a\" }}", "{{ indent 0 \"a\" }}", "{{ indent -1 \"a\" }}",
          "{{ nindent 2 \"\" }}", "{{ trimAll \"ab\" \"abcba\" }}", "{{ trim \"\\u00a0x\\u3000\" }}", "{{ upper \"straße\" }}", "{{ lower \"İ\" }}",
          "{{ title \"hello_world foo-bar 3am\" }}", "{{ trunc 2 \"héllo\" }}", "{{ substr 0 2 \"héllo\" }}", "{{ replace \"a\" \"\" \"banana\" }}",
          "{{ contains \"\" \"x\" }}", "{{ repeat 0 \"x\" }}|", "{{ split \"\" \"ab\" }}", "{{ splitn \",\" 0 \"a,b\" }}", "{{ splitn \",\" -1 \"a,b\" }}",
          "{{ splitList \",\" \"\" }}", "{{ join \",\" (list) }}", "{{ join \",\" .nil }}", "{{ join \",\" (list 1 .nil \"a\") }}",
          "{{ uniq .l }}", "{{ uniq (list (list 1) (list 1) .m .m) }}", "{{ without .nums 1 }}", "{{ has .nil .mixed }}", "{{ has \"a\" .s }}",
          "{{ first .nil }}", "{{ last .s }}", "{{ append .nil 1 }}", "{{ slice .l }}", "{{ slice .l 1 5 }}", "{{ slice .s 1 }}",
          "{{ len (list 1 2) }}", "{{ index (list 1 2) 1 }}", "{{ (list 1 2).x }}", "{{ $l := list 1 }}{{ $l = append $l 2 }}{{ $l }}",
          "{{ $d := dict }}{{ $_ := set $d \"a\" 1 }}{{ $d.a }}", "{{ set .m \"z\" 1 }}", "{{ unset .nil \"a\" }}", "{{ hasKey .nil \"a\" }}",
          "{{ get .m 1 }}", "{{ pluck \"x\" .m .m }}", "{{ keys }}", "{{ values .m | len }}", "{{ merge .nil .m }}",
          "{{ merge (dict \"a\" \"\" \"b\" 0 \"c\" .nil) (dict \"a\" \"x\" \"b\" 5 \"c\" 6) }}", "{{ dict \"a\" 1 \"a\" 2 }}", "{{ dict .nil 1 }}",
          "{{ ternary 1 2 true | printf \"%T\" }}", "{{ coalesce .nil .emptyl .emptym 0 \"\" false }}", "{{ empty .mixed }} {{ empty .b }} {{ empty 0.0 }}",
          "{{ default .l .nope }}", "{{ default \"a\" \"b\" \"c\" }}", "{{ toString .m }}", "{{ toString 1.0 }}", "{{ toStrings .s }}", "{{ toStrings .nil }}",
          "{{ int \"1e3\" }} {{ int \"0x1A\" }} {{ int \"010\" }} {{ int \" 5\" }} {{ int \"-0b11\" }} {{ int 3.99 }} {{ int -3.99 }} {{ int \"3.5\" }}",
          "{{ int64 .f }} {{ float64 \"abc\" }} {{ float64 .b }} {{ float64 \"1e3\" }} {{ float64 \"0x10\" }} {{ int .l }}",
          "{{ atoi \"\" }} {{ atoi \" 1\" }} {{ atoi \"1.5\" }} {{ atoi \"99999999999\" }}", "{{ add 1 .f }} {{ mul .f 2 }} {{ sub \"x\" 1 }} {{ mod -7 3 }}",
          "{{ mod 1 0 }}", "{{ max }}", "{{ min 1 }}", "{{ max .f 1 }}", "{{ add1 \"x\" }}",
          "{{ regexFind \"[a-z]+\" \"123abc456def\" }}", "{{ regexFindAll \"a*\" \"baaab\" -1 }}", "{{ regexReplaceAll \"a*\" \"baaab\" \"-\" }}",
          "{{ regexReplaceAll \"(a)(b)?\" \"ac ab\" \"[$2|$1|$3]\" }}", "{{ regexReplaceAll \"a\" \"aaa\" \"$$\" }}", "{{ regexReplaceAll \"(?i)A\" \"aA\" \"x\" }}",
          "{{ regexMatch \"^abc$\" \"abc\\n\" }}", "{{ regexMatch \"(?m)^abc$\" \"abc\\nd\" }}", "{{ regexMatch \"\\\\d\" \"٣\" }}", "{{ regexMatch \"\\\\w\" \"é\" }}",
          "{{ regexMatch \"\\\\bé\" \" é\" }}", "{{ regexMatch \"[[:alpha:]]\" \"a\" }}", "{{ regexMatch \"\\\\pL\" \"a\" }}", "{{ regexMatch \"a++\" \"a\" }}",
          "{{ regexMatch \"\\\\Z\" \"a\" }}", "{{ regexMatch \"x{2,}\" \"xxx\" }}", "{{ regexMatch \"[]a]\" \"]\" }}", "{{ regexMatch \"[^]a]\" \"b\" }}",
          "{{ regexFind \"(\" \"x\" }}", "{{ regexSplit \"\" \"abc\" -1 }}", "{{ regexSplit \"b\" \"abc\" 0 }}", "{{ regexSplit \"a\" \"\" -1 }}",
          "{{ regexFindAll \"\\\\d+\" \"a1b22c333\" 2 }}", "{{ regexReplaceAllLiteral \"\\\\.\" \"a.b.c\" \"$1\" }}",
          "{{ b64dec \"YQ\" }}", "{{ b64dec \"YQ==\" }}", "{{ b64dec \"Y===\" }}", "{{ b64enc \"\" }}", "{{ sha256sum \"\" }}",
          "{{ normalize \"\" }} {{ normalize \"UPPER.lower\" }} {{ normalize \"..a..\" }}", "{{ normalize 5 }}", "{{ normalize .nope }}",
          "{{ slugify \"--x--\" }}", "{{ slugify 5 \"abc.def.ghi\" }}", "{{ slugify 4 \"abc.def\" }}", "{{ slugify -1 \"abc\" }}", "{{ slugify -1 false \"abc\" }}",
          "{{ slugify 3 true \"ab.cdef\" }}", "{{ slugify 1 2 3 \"x\" }}", "{{ slugify .n \"hello-world\" }}", "{{ slugify \"a_b c\" }}"]:
    add(t)

# --- round 3: nil data, trim markers, variables, comparisons, printing ---
for t in ["{{ .x }}", "{{ . }}", "{{ .x.y }}", "{{ len . }}", "{{ index . \"a\" }}", "{{ range . }}x{{ else }}e{{ end }}",
          "{{ if . }}t{{ else }}f{{ end }}", "{{ with . }}w{{ else }}n{{ end }}", "{{ hasKey . \"a\" }}", "{{ $ }}", "{{ $.x }}", "{{ print . }}"]:
    add(t, None, ALL)
for t in ["{{ range .list2 }}{{ .nope }}{{ end }}", "{{ $x := .nope }}{{ $x.y }}", "{{ range $k, $v := .ss }}{{ $v.x }}{{ end }}",
          "{{ (index .list2 0).nope }}", "{{ (index .list2 0).nope.x }}", "{{ .list2 }}", "{{ with .nope }}x{{ end }}", "{{ .ss.k }}{{ .ss.q }}",
          "{{ or .nope \"fallback\" }}", "{{ and .nope \"x\" }}", "{{ not .nope }}", "{{ coalesce .nope \"c\" }}", "{{ empty .nope }}",
          "{{ ternary .nope \"n\" true }}", "{{ toJson .nope }}", "{{ toYaml .nope }}", "{{ quote .nope }}", "{{ list .nope }}", "{{ eq .nope \"\" }}"]:
    add(t, MISC, ALL)
for t in ["{{-3}}", "{{3-}}", "{{3 -}}", "a {{- 3 -}} b", "{{- 3}}\t\n x", "{{3 -}}\n\n", "a\n{{- /* c */}}b", "{{/* c */ -}} \n b",
          "{{ 1 }}{{- \n 2 -}}", "{{- -}}", "{{-}}", "{{ - }}", "x {{- .s}}", "{{.s -}} y", "{{- .s -}}{{- .s -}}", " \n {{- if true -}} \n a \n {{- end -}} \n ",
          "{{ $x := 1 }}{{ range .l }}{{ $x = . }}{{ end }}{{ $x }}", "{{ range $i, $e := .l }}{{ end }}{{ $i }}", "{{ $x := 1 }}{{ $x := 2 }}{{ $x }}",
          "{{ range .l }}{{ $ }}{{ end }}", "{{ range $x := .l }}{{ $x }}{{ end }}", "{{ with $x := .m }}{{ $x.y }}{{ end }}", "{{ $x = 1 }}",
          "{{ eq .n 3.0 }}", "{{ lt \"a\" \"b\" }}", "{{ eq .ss.k \"v\" }}", "{{ eq (index .l 0) \"a\" }}", "{{ lt 1 2.5 }}", "{{ eq .b 1 }}",
          "{{ eq .nil .nil }}", "{{ eq .nil 1 }}", "{{ eq .emptyl .emptyl }}", "{{ ne .s \"x\" }}", "{{ ge .f 1.5 }}", "{{ le .n .neg }}",
          "{{ and 1 \"x\" }}", "{{ or .e .z .s }}", "{{ and .l .m }}", "{{ or 0 .nope }}", "{{ not .nil }}", "{{ if not .s }}a{{ else }}b{{ end }}",
          "{{ and (eq .n 3) (gt .f 1.0) }}", "{{ or (eq .n 4) (index .l 9) }}",
          "{{ print .list2 }}", "{{ println .l }}", "{{ printf \"%v\" .list2 }}", "{{ printf \"%+v\" .m }}", "{{ printf \"%s\" (list \"a\" 1) }}",
          "{{ printf \"%d\" (add 1 2) }}", "{{ div 10 3.9 }}", "{{ .s | len | printf \"%d\" }}", "{{ index .l (add 0 1) }}", "{{ slice .l -1 }}",
          "{{ upper \"éa\" }}", "{{ title \"élan vital\" }}", "{{ printf \"%q\" \"\\a\\x00é\" }}", "{{ printf \"%x\" \"é\" }}", "{{ printf \"%5.1f|%-6.2f|\" 3.14159 2.5 }}",
          "{{ printf \"%v %v %v\" 1.0 0.5 100.0 }}", "{{ printf \"%g\" 100000.0 }} {{ printf \"%g\" 1000000.0 }} {{ printf \"%e\" 0.0 }}",
          "{{ printf \"%6d|%-6d|%06d\" -42 -42 -42 }}", "{{ printf \"%+q\" \"é\" }}", "{{ printf \"%#v\" .m }}", "{{ printf \"%#v\" .s }}",
          "{{ urlquery \"a\" \"b\" }}", "{{ urlquery .l }}", "{{ js \"\\u2028\" }}", "{{ html \"\\x00\" }}",
          "{{ .m.x | add 1 }}", "{{ .f | int }}", "{{ .s | trunc 2 | upper | repeat 2 }}", "{{ list 1 2 | join \"+\" }}", "{{ 3 | add 1 | mul 2 }}",
          "{{ \"a,b\" | splitList \",\" | last }}", "{{ .l | has \"b\" }}", "{{ dict \"b\" 2 \"a\" 1 | toJson }}",
          "{{ .n | printf \"%03d\" }}", "{{ \"x\" | printf \"%s-%s\" \"y\" }}", "{{ .nope | quote }}", "{{ .e | default \"z\" | quote }}"]:
    add(t)

# --- round 4: less common Sprig functions ---
for t in ["{{ tuple 1 \"a\" }}", "{{ prepend .l \"z\" }}", "{{ prepend .s 1 }}", "{{ rest .l }} {{ rest .emptyl }} {{ rest .emptyl | len }}", "{{ initial .l }}",
          "{{ reverse .l }} {{ reverse .emptyl }}", "{{ compact .mixed }}", "{{ compact (list 0 \"\" .nil false 1 \"a\" .emptyl) }}", "{{ concat .l .nums }}",
          "{{ concat .l .s }}", "{{ concat }}", "{{ mustFirst .s }}", "{{ mustLast .l }}", "{{ mustRest .s }}", "{{ mustHas \"a\" .l }}", "{{ mustUniq (list 1 1) }}",
          "{{ pick .m \"x\" \"q\" }}", "{{ omit .m \"x\" }}", "{{ pick .nil \"x\" }}", "{{ dig \"a\" \"b\" \"c\" \"dflt\" .nested }}", "{{ dig \"a\" \"q\" \"dflt\" .nested }}",
          "{{ dig \"a\" \"b\" \"c\" \"x\" \"dflt\" .nested }}", "{{ dig \"x\" \"d\" .m }}", "{{ dig \"a\" .nested }}", "{{ dig \"a\" \"d\" .ss }}",
          "{{ mergeOverwrite (dict \"a\" 1 \"n\" (dict \"x\" 1 \"z\" 0)) (dict \"a\" 2 \"b\" 3 \"n\" (dict \"x\" 9 \"y\" 2)) }}",
          "{{ mergeOverwrite (dict \"a\" 1) (dict \"a\" 0 \"b\" \"\") }}", "{{ mustMerge (dict \"a\" 1) (dict \"a\" 2 \"c\" 3) }}",
          "{{ base \"/a/b/c.txt\" }} {{ base \"a/b/\" }} {{ base \"\" }} {{ base \"/\" }} {{ base \"x\" }}",
          "{{ dir \"/a/b/c\" }} {{ dir \"a\" }} {{ dir \"/\" }} {{ dir \"a/b/\" }} {{ dir \"\" }}", "{{ clean \"a//b/../c/./d/\" }} {{ clean \"/../a\" }} {{ clean \"\" }} {{ clean \"../../x\" }}",
          "{{ ext \"a/b.tar.gz\" }} {{ ext \"a.b/c\" }} {{ ext \"x\" }}", "{{ isAbs \"/a\" }} {{ isAbs \"a\" }} {{ osBase \"a/b\" }}",
          "{{ all 1 \"a\" true }} {{ all 1 0 }} {{ all }} {{ any 0 \"\" }} {{ any 0 1 }} {{ any }}", "{{ fail \"boom\" }}",
          "{{ typeOf .s }} {{ typeOf .n }} {{ typeOf .f }} {{ typeOf .l }} {{ typeOf .m }} {{ typeOf .ss }} {{ typeOf .nil }} {{ typeOf .nope }}",
          "{{ typeIs \"string\" .s }} {{ typeIsLike \"int\" .n }} {{ kindOf .m }} {{ kindOf .ss }} {{ kindOf .l }} {{ kindOf .n }} {{ kindIs \"slice\" .l }} {{ kindOf .nil }}",
          "{{ deepEqual .l .l }} {{ deepEqual (list 1) (list 1) }} {{ deepEqual 1 1.0 }} {{ deepEqual .m (dict \"x\" 1 \"y\" \"two\") }}",
          "{{ floor 1.7 }} {{ ceil 1.2 }} {{ floor \"2.5\" }} {{ round 3.14159 2 }} {{ round 2.5 0 }} {{ round 2.45 1 }} {{ round -2.5 0 }} {{ round 1.55 1 0.6 }}",
          "{{ ceil .n | printf \"%T\" }}", "{{ plural \"one\" \"many\" 1 }} {{ plural \"one\" \"many\" 2 }}", "{{ hello }}",
          "{{ b32enc \"hello\" }} {{ b32dec \"NBSWY3DP\" }} {{ b32enc \"\" }} {{ b32enc \"a\" }} {{ b32dec \"ME======\" }} {{ b32dec \"!!!!!!!!\" }} {{ b32dec \"MZXQ\" }}",
          "{{ adler32sum \"hello\" }} {{ adler32sum \"\" }}", "{{ regexQuoteMeta \"a.b*c[d]$\" }}",
          "{{ fromJson \"{\\\"a\\\": [1, 2.5, \\\"x\\\", null, true], \\\"b\\\": {}}\" }}", "{{ fromJson \"bad\" }}", "{{ (fromJson \"{\\\"n\\\": 1}\").n | printf \"%T\" }}",
          "{{ fromJson \"\\\"s\\\"\" }} {{ fromJson \"1e2\" }} {{ fromJson \"[]\" }}", "{{ fromJson \"\\\"\\\\u00e9\\\\n\\\"\" | printf \"%q\" }}",
          "{{ toRawJson (dict \"a\" \"<b>&\") }}", "{{ mustToJson .l }}", "{{ mustToPrettyJson .m }}", "{{ mustRegexMatch \"a\" \"cat\" }}",
          "{{ mustRegexFind \"a+\" \"caat\" }}", "{{ mustRegexSplit \",\" \"a,b\" -1 }}",
          "{{ printf \"%*d|%.*f|%-*s|\" -4 7 -1 3.14159 3 \"a\" }}", "{{ printf \"%*d|\" \"x\" 5 }}", "{{ printf \"%.*d|\" \"x\" 5 }}"]:
    add(t)

# --- round 5: semverCompare ---
SEMVER = []
for con in [">= 1.2.3", ">1.2", "<2", "<= 1.2", "<=1.2.x", "~1.2", "~1", "^1.2.3", "^0.2.3", "^0.0.3", "^0.2", "1.2.x", "*", "!= 1.2.3", "!=1.2.x",
            "1.2 - 1.4.5", ">= 1.2, < 2.0", ">1 <3 || =4.0.0", "=1.2.3", "1.2.3", "~> 2.1", ">= 1.0.0-beta", "> 1.x", "v1.2.3", "1.2.3-alpha.1", "", "foo", ">= 1.2.3 ||", "^1.2.x"]:
    for ver in ["1.2.3", "1.2.4", "1.3.0", "2.0.0", "0.2.5", "0.0.3", "1.2.3-alpha.2", "1.0.0-beta.2", "v1.2", "4.0.0", "1.2", "bad", "01.2.3", "1.2.3-01"]:
        SEMVER.append((con, ver))
for con, ver in SEMVER:
    add("{{ semverCompare %s %s }}" % (json.dumps(con), json.dumps(ver)))

# --- round 6: generated sequences, chunk, deepCopy, decimal float math ---
for t in ["{{ until 3 }} {{ until -2 }} {{ until 0 }}", "{{ until 3 | printf \"%T\" }}", "{{ range $i := until 3 }}{{ printf \"%T\" $i }}{{ end }}",
          "{{ range until 2 }}{{ .x }}{{ end }}", "{{ untilStep 0 10 3 }} {{ untilStep 10 0 -4 }} {{ untilStep 0 10 -1 }} {{ untilStep 5 5 1 }}",
          "{{ seq 3 }}|{{ seq 0 }}|{{ seq -2 }}|{{ seq 2 5 }}|{{ seq 5 2 }}|{{ seq 0 2 6 }}|{{ seq 6 -2 0 }}|{{ seq 6 2 0 }}|{{ seq }}|{{ seq 1 2 3 4 }}",
          "{{ index (until 5) 2 }}", "{{ len (until 4) }}", "{{ has 2 (until 3) }}", "{{ toJson (until 3) }}", "{{ append (until 2) \"x\" }}",
          "{{ chunk 2 .l }}", "{{ chunk 2 .l | printf \"%T\" }}", "{{ chunk 5 .emptyl }}", "{{ chunk 0 .l }}", "{{ chunk 2 .s }}", "{{ range chunk 2 .nums }}[{{ len . }}]{{ end }}",
          "{{ $c := deepCopy .m }}{{ $_ := set $c \"x\" 9 }}{{ $c.x }} {{ .m.x }}", "{{ deepCopy .l }} {{ deepCopy .ss }} {{ deepCopy .nil }} {{ deepCopy 5 }}",
          "{{ toDecimal \"777\" }} {{ toDecimal 10 }} {{ toDecimal \"9\" }} {{ toDecimal \"-17\" }}", "{{ untitle \"Hello World FOO\" }}",
          "{{ addf 1.1 2.2 }} {{ addf }} {{ add1f 1.5 }} {{ subf 10 0.1 0.2 }} {{ mulf 1.1 3 }} {{ divf 1 3 }} {{ divf 10 4 }} {{ divf 2 3 }}",
          "{{ maxf 1 2.5 -3 }} {{ minf 1 2.5 -3 }} {{ maxf \"7.5\" }}", "{{ addf 0.1 0.2 }} {{ mulf 0.1 0.2 }} {{ subf 0.3 0.1 }}", "{{ divf 1 0 }}",
          "{{ addf 1e20 1 }} {{ mulf 123456789.123 1000 }}"]:
    add(t)

# --- round 7: random nested data through toYaml / toJson / toPrettyJson / print (fixed seed) ---
import random
rnd = random.Random(20261123)
WORDS = ["a", "b c", "yes", "1.5", "x: y", "- z", "#h", "long " * 20, "multi\nline", "trail \n", " lead", "", "null", "é", "q'uote", "d\"q",
         "tab\tx", "12:30", "2020-01-01", "0x1F", "~", "@at", "%p", "a,b", "[x]", "{y}", "*s", "&r", "!t", "|p", ">g", "`b", "k=v", "x #y"]
def rval(depth):
    r = rnd.random()
    if depth > 3 or r < 0.35:
        c = rnd.randrange(6)
        if c == 0: return rnd.choice(WORDS) + (" " + rnd.choice(WORDS) if rnd.random() < 0.3 else "")
        if c == 1: return rnd.randrange(-1000, 100000)
        if c == 2: return rnd.choice([0.5, 1.25, -3.75, 1e21, 1e-7, 123456.789, 2.0, 1e15, 3.0e20])
        if c == 3: return rnd.random() < 0.5
        if c == 4: return None
        return rnd.choice(WORDS)
    if r < 0.65:
        return {rnd.choice(WORDS[:12] + ["k%d" % i for i in range(5)]): rval(depth + 1) for _ in range(rnd.randrange(0, 4))}
    return [rval(depth + 1) for _ in range(rnd.randrange(0, 4))]
for n in range(60):
    d = {"v": rval(0), "w": rval(1)}
    for t in ["{{ toYaml . }}", "{{ toJson . }}", "{{ toPrettyJson .v }}", "{{ . }}", "{{ toYaml .v | indent 4 }}"]:
        add(t, d)

# complex (non-simple) mapping keys
add("{{ toYaml . }}", {"a\nb": [1, {"x": 1, "y": [2]}], "c\nd": {"m": {"n": 1}, "o": 2}, "e\nf": "s", "g\n": "v"})
add("{{ toYaml . }}", {"outer": {"a\nb": [1, 2], "k": "v"}})
add("{{ toYaml . }}", {"k" * 130: 1, "long key with spaces " * 7: {"a": 1}})
add("{{ toYaml . }}", [{"a\nb": 1}])

# --- round 8: grammar-based random templates (random_templates.py, seed 42) on MISC, in default and error modes ---
import importlib.util, os
_spec = importlib.util.spec_from_file_location("random_templates", os.path.join(os.path.dirname(os.path.abspath(__file__)), "random_templates.py"))
_rt = importlib.util.module_from_spec(_spec); _spec.loader.exec_module(_rt)
for t in _rt.generate(1500):
    add(t, MISC, ("", "missingkey=error"))

# typed nil maps (a missing value passed to a map parameter)
for t in ["{{ toJson (mergeOverwrite .nope) }} {{ mergeOverwrite .nope (dict \"a\" 1) }} {{ get .nope \"a\" }}", "{{ set .nope \"a\" 1 }}",
          "{{ keys .nope | len }} {{ values .nope }} {{ toJson (merge .nope) }} {{ typeOf (merge .nope) }} {{ len (merge .nope) }}",
          "{{ unset .nope \"a\" }} {{ toYaml (merge .nope) }} {{ merge .nope | empty }} {{ pick .nope \"a\" }} {{ hasKey .nope \"a\" }} {{ dig \"a\" \"d\" (merge .nope) }}",
          "{{ pluck \"a\" .nope (dict \"a\" 2) }} {{ merge (dict) .nope }} {{ deepEqual (merge .nope) (dict) }} {{ index (merge .nope) \"a\" }} {{ (merge .nope).a }}",
          "{{ range $k, $v := merge .nope }}x{{ else }}none{{ end }}", "{{ get nil \"a\" }}", "{{ toJson (omit nil) }}"]:
    add(t)

# root-level scalars through toYaml
for t in ["{{ toYaml \"multi\\nline\" }}|", "{{ toYaml \"a\\n\\n\" }}|", "{{ toYaml \" lead\" }}|", "{{ toYaml (repeat 30 \"word \") }}|", "{{ toYaml \"a\\n\" }}|",
          "{{ toYaml \"\\n\" }}|", "{{ toYaml (list \"a\\n\\n\" \"b\") }}|", "{{ toYaml \"- x\" }}|{{ toYaml \"#\" }}|{{ toYaml \"x: y\" }}|{{ toYaml \"\" }}|{{ toYaml \"null\" }}",
          "{{ toYaml (printf \"%s: %s\" (repeat 20 \"ab \") (repeat 20 \"cd \")) }}", "{{ toYaml \"tab\\there\" }}", "{{ toYaml \"a\\u2028b\" }}"]:
    add(t, {})

# --- round 9: more random templates (seed 7) on cluster-shaped data in all modes ---
_rt.rnd.seed(7)
_rt.FIELDS += [".metadata", ".metadata.labels", ".metadata.labels.env", ".metadata.labels.nope", ".metadata.annotations", ".values.revision", ".name", ".server"]
for i, t in enumerate(_rt.generate(600)):
    add(t, [CLUSTER, INCLUSTER, NOANN][i % 3], ALL)

# --- round 10: random printf formats, random YAML strings, random regular expressions (seed 99) ---
_r = random.Random(99)
ARGS = [".s", ".n", ".f", ".b", ".neg", ".pi", ".l", ".m", ".nil", ".e", ".big", ".small", "0", "-7", "255", "3.5", "-0.25", "1e6", "\"é\"", "'x'", "true", ".ss", ".nums", ".mixed"]
for _ in range(500):
    fmt = ""
    nargs = 0
    for _ in range(_r.randrange(1, 4)):
        fmt += _r.choice(["", "a", " ", "-", "|"])
        # realistic formats: common flags and verbs (exotic combinations such as %#+.0c are a documented gap)
        verb = _r.choice("vsdqtxXfeg%")
        flags = "".join(_r.sample(["-", "0"] + (["+"] if verb in "dfeg" else []), _r.randrange(0, 2)))
        fmt += "%" + flags + _r.choice(["", "3", "8", "12"]) + (_r.choice(["", ".0", ".2", ".5"]) if verb in "fegs" else "") + verb
        nargs += 1
    args = " ".join(_r.choice(ARGS) for _ in range(max(0, nargs + _r.choice([-1, 0, 0, 0, 1]))))
    add("{{ printf %s %s }}" % (json.dumps(fmt), args))
CHUNKS = ["a", "b", " ", "  ", ":", ": ", "#", " #", "-", "- ", "?", "'", "\"", "\\", "\n", "\t", "1", "0", ".", "e", "x", "yes", "null", "~", "[", "]", "{",
          "}", ",", "&", "*", "!", "|", ">", "%", "@", "`", "é", "\u00a0", "\u2028", "=", "<<", "0x", "_", "+", "12:30", "2001-01-01", "\r", "word ", "long " * 9]
for _ in range(400):
    def rs():
        return "".join(_r.choice(CHUNKS) for _ in range(_r.randrange(0, 6)))
    d = {rs(): rs() for _ in range(_r.randrange(1, 4))}
    add("{{ toYaml . }}", {"v": [rs(), {rs(): [rs()]}], "w": d})
ATOMS = ["a", "b", ".", "\\d", "\\w", "\\s", "[a-c]", "[^a]", "x", "\\.", "é", "^", "$", "\\b", "(a|b)", "(?i:A)", "[[:digit:]]", "(?P<n>b)"]
QUANT = ["", "", "*", "+", "?", "{2}", "{1,2}", "*?", "+?"]
TEXTS = ["abcab", "aXbxc 12 3", "a.b.c", "", "bbb", "é é", "ab\nab", "A1_b2 c3"]
for _ in range(400):
    pat = "".join(_r.choice(ATOMS) + _r.choice(QUANT) for _ in range(_r.randrange(1, 4)))
    txt = _r.choice(TEXTS)
    f = _r.choice(["regexFindAll %s %s -1", "regexReplaceAll %s %s \"<$1>\"", "regexSplit %s %s -1", "regexMatch %s %s", "regexFind %s %s",
                   "regexReplaceAllLiteral %s %s \"_\"", "regexFindAll %s %s 2"])
    add("{{ " + f % (json.dumps(pat), json.dumps(txt)) + " }}")

# --- round 12: control-structure heavy random templates (seed 2026) ---
_rt.rnd.seed(2026)
for t in _rt.generate_control(800):
    add(t, MISC, ("", "missingkey=error"))

# --- round 11: exotic printf flag combinations (seed 1234). "r": HubDsl may refuse these with a clear
# "not supported by HubDsl" error, but must never print something different from Go.
_x = random.Random(1234)
XARGS = [".s", ".n", ".f", ".b", ".neg", ".pi", ".l", ".m", ".nil", ".e", ".big", ".small", "0", "-7", "255", "3.5", "-0.25", "1e6", "\"é\"", "'x'", "true", ".ss", ".nums", ".mixed"]
for _ in range(600):
    fmt = ""
    nargs = 0
    for _ in range(_x.randrange(1, 4)):
        fmt += _x.choice(["", "a", " ", "-", "|"])
        fmt += "%" + "".join(_x.sample(["-", "+", "#", "0", " "], _x.randrange(0, 3))) + _x.choice(["", "3", "8", "12", "1"]) + _x.choice(["", ".0", ".2", ".5", "."]) + _x.choice("vsdqtxXfFeEgGcobU%")
        nargs += 1
    args = " ".join(_x.choice(XARGS) for _ in range(max(0, nargs + _x.choice([-1, 0, 0, 0, 1]))))
    cases.append({"t": "{{ printf %s %s }}" % (json.dumps(fmt), args), "d": MISC, "m": "", "r": 1})

json.dump(cases, sys.stdout, ensure_ascii=False)
