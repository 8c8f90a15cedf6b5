#!/bin/sh
# Trunk post-build hook: writes $JOURNEY_CONSOLE_CONFIG into the build as
# config.json, when set. The app validates it at start like any config.json.
if [ -n "${JOURNEY_CONSOLE_CONFIG:-}" ]; then
  printf '%s\n' "$JOURNEY_CONSOLE_CONFIG" > "$TRUNK_STAGING_DIR/config.json"
fi
