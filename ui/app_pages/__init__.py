"""The app's page scripts, run by st.navigation in ui/app.py (a package only so installs ship them)."""
