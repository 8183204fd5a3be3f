# Sourced by demo.sh and test.sh: create and activate .venv, with a quiet pip whose full log goes to
# .venv/pip-install.log and is shown only if pip fails.
[ -d .venv ] || python3 -m venv .venv
. .venv/bin/activate
pip_quietly() {
  python -m pip "$@" >>.venv/pip-install.log 2>&1 || { tail -n 40 .venv/pip-install.log; exit 1; }
}
echo "installing (log: .venv/pip-install.log)..."
pip_quietly install --upgrade pip
