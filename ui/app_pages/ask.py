"""Ask page: a chat that answers with the records found, the plan understood and cited passages."""

from __future__ import annotations

import streamlit as st

from ui.ask_view import show_answer
from ui.render import escape_markdown
from ui.resources import get_index, get_settings, get_store

EXAMPLES = [
    "Which Jiangxi projects exceed 500 million yuan?",
    "江西省有哪些项目投资超过5亿元？",
    "Which blockchain projects did Hunan list in 2020?",
]


def ask_and_remember(question: str, plan=None) -> None:
    """Answer the question (with an edited plan, if given) and add the turn to the chat history."""
    from extractor.errors import KeyprojError
    from rag.answers import ask

    try:
        with st.spinner("Searching the records and passages…"):
            answer = ask(question, get_store(), get_settings(), index=get_index(), plan=plan)
    except KeyprojError as err:
        st.session_state.chat.append({"question": question, "error": str(err), "edited": plan is not None})
        return
    st.session_state.chat.append({"question": question, "answer": answer, "edited": plan is not None})


def rerun_with(i: int, plan) -> None:
    """Called by an answer's 'Re-run with these filters' button: ask again with the edited plan."""
    ask_and_remember(st.session_state.chat[i]["question"], plan=plan)


st.title("Ask")
st.caption("Ask about key projects in English or Chinese. Every answer lists the records it found and the "
           "passages that state them.")
st.session_state.setdefault("chat", [])
if not st.session_state.chat:
    st.markdown("Try one of these:")
    for example in EXAMPLES:
        if st.button(example, key=f"example-{example}", type="tertiary", icon=":material/chat_bubble:"):
            ask_and_remember(example)
            st.rerun()

for i, turn in enumerate(st.session_state.chat):
    with st.chat_message("user"):
        st.markdown(escape_markdown(turn["question"]) + (" *(filters edited)*" if turn["edited"] else ""))
    with st.chat_message("assistant"):
        if "error" in turn:
            st.error(escape_markdown(turn["error"]))
        else:
            show_answer(turn["answer"], key=f"turn{i}", on_rerun=lambda plan, i=i: rerun_with(i, plan))

question = st.chat_input("Ask about projects, places, companies or amounts…")
if question and question.strip():
    ask_and_remember(question.strip())
    st.rerun()
