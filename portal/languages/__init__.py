"""Each person's language: kept when they choose one (the switcher, the notices page) or sign up / sign in, read
when the portal writes to them. Written only when it changes, never read per page."""
