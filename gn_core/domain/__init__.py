"""The domain of Le Grand Numérique: people, their pathway, partners, and the rules that keep records valid."""
