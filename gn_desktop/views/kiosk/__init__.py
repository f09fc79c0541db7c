"""The self-service kiosk walk-in visitors use: check-in, sign-up and discovering programmes.

The kiosk never shows anyone's personal data; it switches language (French, English, Arabic) live.
"""
