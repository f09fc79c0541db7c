"""The HTTP face of HQ: routes, authentication, problem+json errors and middleware. Calls services only."""
