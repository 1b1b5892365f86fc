using Xunit;

namespace HubDsl.Core.Tests.Charts;

/// <summary>
/// One values object for one fixture chart: the keys the check must flag (Helm ignores them), the keys outside
/// values.yaml it must count as read (Helm's output depends on them; a naive grep for literal .Values chains flags
/// them), and the subtrees where it must stay silent.
/// </summary>
public sealed record ValuesReadCase(string Fixture, string Values, string[] Flagged, string[] Read, string[]? Silent = null)
{
    public override string ToString() => Fixture + ": " + Values.Replace("\n", " ");
}

/// <summary>The cases, one or more per construct the research catalogue lists for real charts.</summary>
public static class ValuesReadCases
{
    public static TheoryData<ValuesReadCase> Rendered => new()
    {
        // .Values.a.b printed; a map printed whole (toJson) makes every key under it read.
        new("direct-paths", "web:\n  port: 81\n  labels:\n    team: a\n  prot: 1\n", ["web.prot"], ["web.labels.team"]),
        // $ is the root at file level and the include argument inside a define.
        new("dollar-root", "domain: example.com\ndomian: x\nsvc:\n  name: api\n  nmae: x\n", ["domian", "svc.nmae"], ["domain", "svc.name"]),
        // index with constant keys, one holding dots (never split on them).
        new("index-keys", "params:\n  server.insecure: true\n  server.secure: true\ntop-level:\n  inner: 1\n  outer: 2\n", ["params.\"server.secure\"", "top-level.outer"], ["params.\"server.insecure\"", "top-level.inner"]),
        // with rebinds dot; range binds key and value; index with the range key reads every child.
        new("with-range", "probe:\n  path: /hz\n  port: 8080\n  timeout: 3\ntcp:\n  \"9000\": db:5432\nnodePorts:\n  tcp:\n    \"9000\": 30900\n  udp:\n    \"9001\": 1\n",
            ["probe.timeout", "nodePorts.udp.9001"], ["probe.port", "tcp.9000", "nodePorts.tcp.9000"]),
        // a variable holding a values map; reassigned in a branch, it may hold either.
        new("variables", "image:\n  tag: \"1.0\"\n  tga: x\n", ["image.tga"], ["image.tag"]),
        new("variables", "useSidecar: true\nsidecar:\n  image:\n    tag: \"2.0\"\n    tga: x\n", ["sidecar.image.tga"], ["sidecar.image.tag"]),
        // include with a dict, with . and $, and a tuple unpacked by index.
        new("include-forms", "controller:\n  image:\n    registry: quay.io\n    regsitry: x\nnameOverride: n\njob:\n  image:\n    tag: \"1\"\n    pullPolicy: Always\n",
            ["controller.image.regsitry", "job.image.pullPolicy"], ["controller.image.registry", "nameOverride", "job.image.tag"]),
        // toYaml reads a subtree whole; tpl with the root reads what template strings in values.yaml and in the user's values read.
        new("toyaml-tpl", "resources:\n  limits:\n    cpu: 1\nteam: a\ntem: b\nextra:\n  note: \"{{ .Values.userKey }}\"\nuserKey: u\nunusedKey: v\n",
            ["tem", "unusedKey"], ["resources.limits.cpu", "team", "userKey"]),
        // dig, hasKey and get navigate like index.
        new("dig-haskey-get", "deep:\n  a:\n    b: 1\n    c: 2\npdb:\n  minAvailable: 1\nsvc:\n  port: 80\n  prot: 1\n", ["deep.a.c", "svc.prot"], ["deep.a.b", "pdb.minAvailable", "svc.port"]),
        // subcharts read their values under their alias; the unaliased name is no scope; global is shared.
        new("subcharts", "first:\n  port: 2\n  prot: 3\n  timeout: 5\nsecond:\n  port: 4\nsub:\n  port: 5\nglobal:\n  domain: example.org\n", ["first.prot", "sub.port"], ["first.timeout"]),
        // Helm reads dependency conditions and tags itself.
        new("subcharts", "first:\n  enabled: false\ntags:\n  helpers: false\n", [], ["first.enabled"]),
        // a truth test reads a subtree whose default is null (adding a child flips it), not one whose default is a non-empty map.
        new("truth-tests", "shim:\n  resources:\n    cpu: 1\nprobe:\n  extra: 1\n", ["probe.extra"], ["shim.resources.cpu"]),
        // bitnami common's pattern: a key path passed as include output, split and walked with index in an unrolled range.
        new("library-folding", "auth:\n  password: p\n  passwrd: q\n", ["auth.passwrd"], ["auth.password"]),
        // mergeOverwrite of a deepCopy: field reads fan out to every source.
        new("merge-deepcopy", "controller:\n  podAnnotations:\n    x: y\n  podAnotations:\n    x: y\n", ["controller.podAnotations.x"], ["controller.podAnnotations.x"]),
        // include of a file template named from .Template.BasePath.
        new("basepath-include", "config:\n  data:\n    k2: v\n  dta: 1\n", ["config.dta"], ["config.data.k2"]),
        // .Subcharts.leaf is the subchart's context.
        new("subcharts-object", "leaf:\n  nameOverride: n\n  nameOvveride: m\n", ["leaf.nameOvveride"], ["leaf.nameOverride"]),
        // children of {} and null in values.yaml are declared free-form slots; an absent map is not.
        new("empty-map-slot", "podAnnotations:\n  a: b\ntolerations:\n  - x\nnodeSelector:\n  zone: a\nservice:\n  type: NodePort\n  tpye: x\n", ["nodeSelector.zone", "service.tpye"], []),
        // G3 computed include name: the argument is silent, the rest still checked.
        new("giveup-computed-include", "opts:\n  z: 1\n  anything: 2\nother:\n  y: 2\n  typo: 3\n", ["other.typo"], [], ["opts"]),
        // G8 merge into .Values: the sources are silent.
        new("giveup-merge-into-values", "global:\n  image:\n    tag: \"1\"\ncontroller:\n  image:\n    tpyo: 1\n", ["controller.image.tpyo"], [], ["global.image"]),
    };

    /// <summary>Cases Helm cannot render (or where the analysis gives up on everything): checked by the analysis only.</summary>
    public static TheoryData<ValuesReadCase> NotRendered => new()
    {
        // G1: the chart's whole context handed to an opaque function.
        new("giveup-root", "anything: 1\nnested:\n  x: 1\n", [], [], [""]),
        // G9: a template that does not parse (Helm fails too).
        new("giveup-parse-error", "anything: 1\n", [], [], [""]),
        // G6 and G4: a dependency that is not vendored, and a helper that may live in it.
        new("giveup-unvendored", "remote:\n  x: 1\npassed:\n  y: 1\nowm: 1\n", ["owm"], [], ["remote", "passed"]),
        // a packaged dependency cannot be read offline.
        new("giveup-packaged", "remote:\n  x: 1\nowm: 1\n", ["owm"], [], ["remote"]),
    };
}
