/**
 * Recognises Helm / Go-template sources. Those are not manifests until rendered, so they get no
 * findings. Go-template text inside ordinary values (Prometheus alert annotations such as
 * `{{ $labels.pod }}`) does not make a file a template.
 */

// A template action standing where YAML structure would be (`{{- if … }}` on its own line, or a key
// or unquoted value that starts with an action).
const ACTION_AS_STRUCTURE = /^[ \t]*(?:-[ \t]+)?(?:[\w.\-/"']+:[ \t]+)?\{\{/m;
// Helm's built-in objects and functions, which only a chart template refers to. The bounded
// `[^}]{0,500}?` keeps the scan linear on a file full of unclosed `{{` (a lazy `*?` is quadratic).
const HELM_REFERENCE = /\{\{-?\s*(?:[^}]{0,500}?[\s(|])?(?:\$?\.(?:Values|Release|Chart|Capabilities|Files|Template)\b|include\s|tpl\s|toYaml\s|template\s|define\s)/;

export function isTemplateText(text: string): boolean {
  if (!text.includes('{{')) return false;
  return ACTION_AS_STRUCTURE.test(text) || HELM_REFERENCE.test(text);
}
