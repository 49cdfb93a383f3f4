"""Checkers for the quality gates (issue 6): each takes a built site and returns problems.

They are plain functions so that the tests can feed each one a bad page and prove it
catches it: links and anchors (`links`), safety and CSP (`safety`), HTML validity with the
Nu HTML Checker (`vnu`), and, in a real browser, loading, accessibility with axe-core and
layout (`browser`). `serve` serves a built site under its `site_url` path.
"""
