"""Accounts through allauth: sign-up and its words, confirmation sent again, the second factor, redirects, sessions."""
