// The login itself lives in UnifiedLoginCore (no HTTP library); this module adds the
// AsyncHTTPClient transport servers use, so `import UnifiedLogin` gives both.
@_exported import UnifiedLoginCore
