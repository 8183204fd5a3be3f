"""keyproj's Streamlit app: ask questions, browse records, read articles, check evaluations.

Run with `keyproj ui` (or `streamlit run ui/app.py`); it reads the data dir in KEYPROJ_DATA_DIR.
Pages only call library functions; the shared store and index come from ui.resources.
The page scripts live in ui/app_pages/, not ui/pages/: Streamlit treats a `pages/` folder next to the
main script as an old-style multipage app and would run a page without this script (no navigation).
"""

from __future__ import annotations

import sys
from pathlib import Path

# `streamlit run ui/app.py` puts ui/ on sys.path, not the project root; keep imports working uninstalled.
_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:
    sys.path.insert(0, _ROOT)

import streamlit as st  # noqa: E402

from ui.resources import get_settings, get_store  # noqa: E402

st.set_page_config(page_title="keyproj", page_icon=":material/account_tree:", layout="wide")

PAGES = [
    st.Page("app_pages/ask.py", title="Ask", icon=":material/forum:", url_path="ask", default=True),
    st.Page("app_pages/records.py", title="Records", icon=":material/table_view:", url_path="records"),
    st.Page("app_pages/documents.py", title="Documents", icon=":material/article:", url_path="documents"),
    st.Page("app_pages/evals.py", title="Evals", icon=":material/fact_check:", url_path="evals"),
]

page = st.navigation(PAGES)

with st.sidebar:
    store = get_store()
    st.caption(f"{store.count('documents')} documents · {store.count('records')} records")
    st.caption(f"Data dir: `{get_settings().data_dir}`")

page.run()
