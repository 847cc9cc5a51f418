"""Runs the shell steps of a composite GitHub Action (action.yml) locally, the way the runner
does: inputs with their defaults, `if:` conditions, step outputs through $GITHUB_OUTPUT, PATH
additions through $GITHUB_PATH, `bash --noprofile --norc -eo pipefail`. Steps that `uses:` another
action are skipped: the cache reports a hit (rolegen is already in RUNNER_TOOL_CACHE/rolegen) and
the SARIF upload needs GitHub. Used by scripts/ecosystem/check-ci-examples.

usage: run-action.py ACTION.yml TOOL_CACHE [NAME=VALUE ...] [has-diff=true|false]
Runs in the working directory (a git repository); RUNNER_TEMP must be set. Exits with 1 when a
step fails, as the job would.
"""
import os, re, subprocess, sys, tempfile
import yaml

action_path, tool_cache, *assignments = sys.argv[1:]
action = yaml.safe_load(open(action_path))
given = dict(a.split("=", 1) for a in assignments)
has_diff = given.pop("has-diff", "true") == "true"
inputs = {name: str(spec.get("default", "")) for name, spec in action["inputs"].items()}
unknown = set(given) - set(inputs)
assert not unknown, f"inputs action.yml does not declare: {sorted(unknown)}"
inputs.update(given)
context = {"inputs": inputs, "steps": {"cache": {"outputs": {"cache-hit": "true"}}},
           "github": {"event_name": "pull_request", "base_ref": inputs.get("base-ref", "")},
           "runner": {"os": "Linux", "arch": "X64"}}
runner_temp = os.environ["RUNNER_TEMP"]
files = {name: os.path.join(runner_temp, name) for name in ("output", "path", "summary")}
for path in files.values():
    open(path, "w").close()
extra_path = []


def lookup(reference):
    value = context
    for part in reference.split("."):
        value = value.get(part, "") if isinstance(value, dict) else ""
    return value if isinstance(value, str) else ""


def evaluate(expression):
    python = re.sub(r"\b(inputs|steps|github|runner)\.[A-Za-z0-9_.-]+", lambda m: repr(lookup(m.group(0))), expression)
    python = python.replace("&&", " and ").replace("||", " or ").replace("always()", "True").replace("!=", " != ")
    return eval(python, {"__builtins__": {}})


def substitute(text):
    return re.sub(r"\$\{\{\s*(.*?)\s*\}\}", lambda m: str(evaluate(m.group(1))), text)


for step in action["runs"]["steps"]:
    name = step.get("name", step.get("id", "?"))
    if "if" in step and not evaluate(step["if"]):
        print(f"-- {name}: skipped (if: {step['if']})")
        continue
    if "uses" in step:
        print(f"-- {name}: skipped (uses: {step['uses']})")
        continue
    if step.get("id") == "diff" and not has_diff:
        print(f"-- {name}: skipped (this rolegen has no diff command)")
        continue
    print(f"-- {name}")
    environment = dict(os.environ)
    environment.update({"GITHUB_OUTPUT": files["output"], "GITHUB_PATH": files["path"], "GITHUB_STEP_SUMMARY": files["summary"],
                        "GITHUB_ACTION_PATH": os.path.dirname(os.path.abspath(action_path)), "RUNNER_TOOL_CACHE": tool_cache})
    environment.update({key: substitute(str(value)) for key, value in step.get("env", {}).items()})
    environment["PATH"] = ":".join(extra_path + [environment["PATH"]])
    with tempfile.NamedTemporaryFile("w", suffix=".sh", delete=False) as script:
        script.write(substitute(step["run"]))
    open(files["output"], "w").close()
    status = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script.name], env=environment).returncode
    os.unlink(script.name)
    outputs = dict(line.split("=", 1) for line in open(files["output"]).read().splitlines() if "=" in line)
    if "id" in step:
        context["steps"][step["id"]] = {"outputs": outputs}
    extra_path = [line for line in open(files["path"]).read().splitlines() if line] + extra_path
    if status != 0:
        print(f"-- {name}: failed with {status}")
        sys.exit(1)
print("-- the action succeeded")
