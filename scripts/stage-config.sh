#!/bin/sh
# Trunk post-build hook: writes the build's config.json. With
# $JOURNEY_CONSOLE_CONFIG set, that is the file (the app validates it at start
# like any config.json); without it, the default (the embedded backend), so a
# deploy that keeps the default asks for no file that is not there.
if [ -n "${JOURNEY_CONSOLE_CONFIG:-}" ]; then
  printf '%s\n' "$JOURNEY_CONSOLE_CONFIG" > "$TRUNK_STAGING_DIR/config.json"
else
  printf '%s\n' '{"backend": "embedded"}' > "$TRUNK_STAGING_DIR/config.json"
fi
