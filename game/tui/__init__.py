"""The facilitator's Textual app: screens, widgets and the command palette."""
