# Oracle input for the Sprig v3.3.0 functions HubDsl added later (SprigV33OracleCases.cs): every case runs through the
# same main.go, built against sprig v3.3.0 (see README.md, "Sprig v3.3.0 rows"). Fixed AES ciphertexts come from
# openssl with fixed IVs, so the rows never change between runs.
import base64, json, subprocess

DATA = {"s": "hello world", "u": "héllo wörld", "n": 3, "f": 95.0, "neg": -61, "e": "", "m": {"x": 1},
        "url": {"scheme": "https", "host": "example.com:8443", "path": "/a b/ç", "query": "x=1&y=2", "fragment": "top part"},
        "badurl": {"scheme": 5}, "nilurl": {"host": None}, "ss": {"$ss": 1, "scheme": "http"}}

cases = []
def add(t, d=DATA):
    cases.append({"t": t, "d": d, "m": ""})

def q(s):
    return json.dumps(s, ensure_ascii=False)

# --- abbrev / abbrevboth (goutils byte rules) ---
for w in [-1, 0, 3, 4, 5, 6, 7, 10, 11, 12]:
    for s in ["hello world", "abc", "", "héllo wörld", "日本語のテキスト"]:
        add("{{ abbrev %d %s }}" % (w, q(s)))
for l, r in [(0, 10), (1, 10), (4, 10), (5, 10), (6, 10), (10, 10), (20, 10), (5, 6), (-3, 5), (8, 8), (0, 3), (1, 6), (1, 7), (3, 4), (100, 7), (6, 7)]:
    for s in ["abcdefghijklmno", "1234 5678 9123", "short", "héllo wörld ünïcode"]:
        add("{{ abbrevboth %d %d %s }}" % (l, r, q(s)))
add("{{ .s | abbrev 5 }}")
add("{{ abbrev .n .s }}")
add("{{ abbrev \"5\" .s }}")
add("{{ abbrev 5 .n }}")

# --- initials / swapcase ---
for s in ["First Try", "  first   try  ", "Élan Vital", "à la", "a-b c_d", "", "x\ty\nz", "one\u00a0two", "über alles", "日本 語"]:
    add("{{ initials %s }}" % q(s))
for s in ["This Is A.Test", "ǆemal", "ß", "Hello\tworld x-y", "", "ABC def", "ǅ ǈ", "hello WORLD 123 ünï", "x\u3000y", "İstanbul ı"]:
    add("{{ swapcase %s }}" % q(s))

# --- camelcase / kebabcase / snakecase (xstrings v1.5.0) ---
WORDS = ["http_server", "_camel_case", "_complex__case_", "GOLANG_IS_GREAT", "HTTPServer", "FooBARBaz", "NoHTTPS", "ABC", "a_B_c",
         "a.b_c", "x__y", "abc_", "foo-bar baz", "  a  b  ", "9lives_cat", "über_cool", "_", "-", " ", "", "a", "A", "some words",
         "FirstName", "GO_PATH", "GO PATH", "GO-PATH", "http2xx", "HTTP20xOK", "Duration2m3s", "Bld4Floor3rd", "fooBar123Baz", "a1b2",
         "x1Y2", "foo.bar", "foo..Bar", "a--b", "__init__", "ÉcoleNormale", "version1.2.3", "日本語Text", "ABCdef", "aBC", "a1", "1a",
         "A1B", "x.Y.z", "hello!World", "ǅungla", "MyHTTPServer2Go", "snake_case_1", "XMLHttpRequest", "my-APP_name v2"]
for fn in ["camelcase", "kebabcase", "snakecase"]:
    for s in WORDS:
        add("{{ %s %s }}" % (fn, q(s)))

# --- wrap / wrapWith (goutils WrapCustom) ---
for n, s in [(5, "Hello World"), (3, "abcdefgh ij"), (0, "a b c"), (5, " lead space"), (5, "line\nbreak here"), (5, "Hello World "),
             (10, "The quick brown fox jumps over the lazy dog"), (1, "ab cd"), (-2, "ab cd"), (4, "héllo wörld"), (20, "short"),
             (5, ""), (6, "a  b  c  d"), (3, "   ")]:
    add("{{ wrap %d %s }}" % (n, q(s)))
    for sep in ["<br>", "", "\n\t", "|"]:
        add("{{ wrapWith %d %s %s }}" % (n, q(sep), q(s)))

# --- sha512sum ---
for s in ["abc", "", "héllo", "The quick brown fox jumps over the lazy dog"]:
    add("{{ sha512sum %s }}" % q(s))
add("{{ .s | sha512sum }}")

# --- urlParse / urlJoin (net/url) ---
URLS = ["proto://user:passwor%20d@host:80/path", "proto://host:80/pa%20th?key=val%20ue", "something", "https://example.com",
        "https://user@example.com/a/b?c=d#frag%20ment", "http://[::1]:8080/x", "http://[fe80::1%25en0]/", "mailto:someone@example.com",
        "/relative/path?q", "//host/only", "HTTPS://Example.COM/", "http://host:port/", "http://[::1/", "http://%zz/", "%zz",
        "1http://x", "a:b", ":nope", "http://a b.com/", "http://x/%2F%41?%zz#%41", "file:///etc/hosts", "http://h/p?", "",
        "http://user:p@ss:w@rd@host/", "http://us er@host/", "http://host:8080", "http://ho%41st/", "git@github.com:org/repo.git"]
for u in URLS:
    add("{{ urlParse %s | toJson }}" % q(u))
add("{{ (urlParse \"https://a.example.com:8443/x?y=1\").hostname }}")
add("{{ urlJoin .url }}")
for d in ['(dict "fragment" "fragment" "host" "host:80" "path" "/path" "query" "query" "scheme" "proto")',
          '(dict "host" "example.com" "path" "a/b")', '(dict "path" "a:b/c")', '(dict "opaque" "x:y" "scheme" "mailto")',
          '(dict "scheme" "https" "host" "h" "userinfo" "user:pa ss")', '(dict "scheme" "https" "host" "h" "userinfo" "us er")',
          '(dict "scheme" "https" "host" "h" "userinfo" "user")', '(dict)', '(dict "path" "*")', '(dict "scheme" "http" "host" "h" "path" "/a?b#c d")',
          '(dict "host" "[::1]:80" "scheme" "http")', '(dict "scheme" 1)', '(dict "host" true)', '(dict "path" (list 1))',
          '(dict "scheme" "http" "fragment" "a b!*()")', '(dict "query" "a=b c")', '(urlParse "https://u:p@h:1/p?q#f")']:
    add("{{ urlJoin %s }}" % d)
add("{{ urlJoin .badurl }}")
add("{{ urlJoin .nilurl }}")
add("{{ urlJoin .ss }}")
add("{{ urlJoin .s }}")

# --- decryptAES (AES-256-CBC; ciphertexts made here with fixed IVs) ---
def encrypt(password, plain, iv_hex, pad=True):
    key = (password.encode() + b"\0" * 32)[:32].hex()
    args = ["openssl", "enc", "-aes-256-cbc", "-K", key, "-iv", iv_hex] + ([] if pad else ["-nopad"])
    out = subprocess.run(args, input=plain, capture_output=True, check=True).stdout
    return base64.b64encode(bytes.fromhex(iv_hex) + out).decode()
IV = "00112233445566778899aabbccddeeff"
for pw, pt in [("secretkey", b"plaintext"), ("secretkey", "héllo wörld".encode()), ("", b"empty key"), ("k" * 40, b"long key truncated"),
               ("secretkey", b"exactly sixteen!"), ("secretkey", b"")]:
    add("{{ decryptAES %s %s }}" % (q(pw), q(encrypt(pw, pt, IV))))
add("{{ decryptAES \"wrongkey\" %s }}" % q(encrypt("secretkey", b"plaintext", IV)))
add("{{ decryptAES \"secretkey\" %s }}" % q(encrypt("secretkey", b"0123456789abcde\x00", IV, pad=False)))
add("{{ decryptAES \"secretkey\" %s }}" % q(encrypt("secretkey", b"0123456789abcde\x20", IV, pad=False)))
add("{{ decryptAES \"secretkey\" %s }}" % q(encrypt("secretkey", b"\xff\xfe" + b"x" * 13 + b"\x01", IV, pad=False)))
for bad in ["", "not base64!", "YWJj", "AAAAAAAAAAAAAAAAAAAAAA==", base64.b64encode(bytes(16)).decode(), base64.b64encode(bytes(20)).decode(), "YQ=", "YQ==YQ=="]:
    add("{{ decryptAES \"k\" %s }}" % q(bad))
add("{{ \"plaintext\" | encryptAES \"secretkey\" | decryptAES \"secretkey\" }}")

# --- derivePassword (Master Password over scrypt; each call is slow, so few) ---
for counter, typ in [(1, "long"), (2, "long"), (1, "maximum"), (1, "medium"), (1, "basic"), (1, "short"), (1, "pin"), (0, "long"), (4294967297, "pin")]:
    add("{{ derivePassword %d %s \"password\" \"user\" \"example.com\" }}" % (counter, q(typ)))
add("{{ derivePassword 1 \"nope\" \"password\" \"user\" \"example.com\" }}")
add("{{ derivePassword 3 \"long\" \"pässwörd\" \"üser\" \"exämple.com\" }}")
add("{{ derivePassword -1 \"long\" \"p\" \"u\" \"s\" }}")
add("{{ derivePassword .n \"long\" \"p\" \"u\" \"s\" }}")
add("{{ derivePassword 1.5 \"long\" \"p\" \"u\" \"s\" }}")

# --- duration / durationRound ---
for x in ['"95"', "95", "(int64 95)", ".f", '"1.5"', '"-61"', '"93784"', '"0"', '""', '" 5"', '"+7"', '"9223372036854775807"',
          '"99999999999999999999"', "(int64 -3600)", '"abc"', ".neg", "nil", "(int64 86400)", '"1e3"', "true", "(int64 9223372036)"]:
    add("{{ duration %s }}" % x)
for x in ['"1h"', '"24h"', '"1s"', '"2h5s"', '"24h5s"', '"2400h5s"', '"-3h2m"', '"1.5h"', '"90m"', '"8761h"', '"721h"', '"61s"', '"1000ms"',
          '"1001ms"', '"0"', '"x"', '""', '"5"', '"1h30"', '"3µs"', '"3us"', '"3μs"', '".5h"', '"1.h"', '"-.5m"', '"9999999999h"',
          '"2562047h47m16.854775807s"', '"2562047h47m16.854775808s"', "(int64 3600000000001)", "3600", ".f", "nil",
          '"1h1m1s1ms1us1ns"', '"+5m"', '"-0"', '"1.0000000000000000000001s"']:
    add("{{ durationRound %s }}" % x)

# --- semver (Masterminds/semver v3.4.0, Argo CD's) ---
for v in ["1.2.3", "v1.2.3", "1.2", "1", "01.02.03", "1.2.3-beta.1+c0ff33", "1.2.3-01", "1.2.3-a..b", "1.2.3+meta_x", "1.2.3.4", "", "x",
          "99999999999999999999.0.0", "1.2.3-rc.1", "v2", "1.2.3-", "1.2.3+", " 1.2.3", "1.2.3 ", "1.2.3\n", "1.0.0-0A.is.legal"]:
    add("{{ semver %s }}" % q(v))
add("{{ $v := semver \"v1.2.3-beta.1+c0ff33\" }}{{ $v.Major }} {{ $v.Minor }} {{ $v.Patch }} [{{ $v.Prerelease }}] [{{ $v.Metadata }}] {{ $v.Original }} {{ $v.String }} {{ $v }}")
add("{{ (semver \"1.2.3-beta.1+c0ff33\").Prerelease }}")
add("{{ (semver \"1.2.3\").Compare (semver \"1.2.4\") }} {{ (semver \"2.0.0\").Compare (semver \"2.0.0-rc.1\") }} {{ (semver \"1.0.0-alpha.1\").Compare (semver \"1.0.0-alpha.beta\") }}")
add("{{ (semver \"1.0.0-rc.2\").LessThan (semver \"1.0.0-rc.10\") }} {{ (semver \"1.0.0\").GreaterThan (semver \"0.9.9\") }} {{ (semver \"1.0\").Equal (semver \"1.0.0\") }}")
add("{{ (semver \"1.0.0-b\").LessThanEqual (semver \"1.0.0-a\") }} {{ (semver \"1.0.0-b\").GreaterThanEqual (semver \"1.0.0-a\") }}")
add("{{ (semver \"v1.2.3-rc.1\").IncPatch }} {{ (semver \"v1.2.3\").IncPatch.Original }} {{ (semver \"1.2.3\").IncMinor }} {{ (semver \"1.2.3+m\").IncMajor }}")
add("{{ ((semver \"1.2.3\").SetPrerelease \"beta\") }} {{ ((semver \"v1.2.3\").SetMetadata \"b.1\").Original }}")
add("{{ (semver \"1.2.3\").SetPrerelease \"01\" }}")
add("{{ (semver \"1.2.3\").SetMetadata \"a..b\" }}")
add("{{ (semver \"1.2.3\").Nope }}")
add("{{ (semver \"1.2.3\").Major 1 }}")
add("{{ semver \"1.2.3\" | toJson }} {{ typeOf (semver \"1.2.3\") }} {{ kindOf (semver \"1.2.3\") }} {{ print (semver \"1.2.3\") }}")
add("{{ if eq (semver \"1.2.3\").Major 1 }}one{{ end }} {{ add (semver \"1.2.3\").Minor 1 }}")
add("{{ (semver \"1.2.3\").Compare \"1.2.3\" }}")
add("{{ printf \"%s-%v\" (semver \"1.2.3\") (semver \"v4.5\") }}")

# --- refused only when called ---
add("{{ if false }}{{ now }}{{ uuidv4 }}{{ randAlpha 3 }}{{ date \"2006\" now }}{{ end }}ok")
add("{{ $x := 0 }}{{ if $x }}{{ now | date \"2006\" }}{{ end }}fine")
add("{{ define \"t\" }}{{ randAlphaNum 5 }}{{ end }}unused")

json.dump(cases, open(__import__("sys").argv[1] if len(__import__("sys").argv) > 1 else "/dev/stdout", "w"), ensure_ascii=False)
