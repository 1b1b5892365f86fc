# Merges oracle input and output into the test data file GoOracleCases.jsonl (JSON Lines, UTF-8), which the C# tests
# embed and replay (OracleData.cs reads it).
#
# Line 1 is a header naming what produced the rows. Then one line per data set, {"d": <index>, "data": <value>}, in
# index order, then one line per case: template t, data set index d, option m, expected output out, or the expected
# parse error (perr) / execution error (eerr) message; r: HubDsl may refuse instead of answering.
import json, sys, subprocess

HEADER = {
    "oracle": "tests/HubDsl.Core.Tests/Templating/Oracle/main.go (see Oracle/README.md to regenerate)",
    "libraries": "text/template from that Go, Masterminds/sprig v3.2.3 and sigs.k8s.io/yaml 1.3.0 from Debian bookworm "
                 "packages, gosimple/slug v1.15.0 (unidecode stubbed: Argo normalizes to ASCII first), Argo CD's function map changes",
    "dataConvention": "an object with a \"$ss\" key is a Go map[string]string, other objects map[string]interface{}, integers Go int, other numbers float64",
}


def line(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def write(path, goversion, datasets, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(line({"go": goversion, **HEADER}) + "\n")
        for i, d in enumerate(datasets):
            f.write(line({"d": i, "data": d}) + "\n")
        for row in rows:
            f.write(line(row) + "\n")


def main():
    inp = json.load(open('/work/oracle-go/cases/input.json'))
    out = json.load(open('/work/oracle-go/cases/output.json'))
    goversion = subprocess.check_output(['go', 'version']).decode().strip()
    rows = []
    datasets = []
    index = {}
    for c, r in zip(inp, out):
        key = json.dumps(c["d"], sort_keys=True, ensure_ascii=False)
        if key not in index:
            index[key] = len(datasets)
            datasets.append(c["d"])
        row = {"t": c["t"], "d": index[key], "m": c["m"], "out": r.get("out", "")}
        if c.get("r"): row["r"] = 1
        if r.get("perr"): row["perr"] = r["perr"]
        if r.get("eerr"): row["eerr"] = r["eerr"]
        rows.append(row)
    write(sys.argv[1], goversion, datasets, rows)
    print(len(rows))


if __name__ == "__main__":
    main()
