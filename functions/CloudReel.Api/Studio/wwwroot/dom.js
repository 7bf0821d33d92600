// A small element builder: h('p', { class: 'x', onclick: f }, 'text', child). Text is always text, never HTML.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else if (name in el && typeof value !== 'string') el[name] = value;
    else el.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces an element's children, leaving out null, undefined and false (replaceChildren would write them as text). */
export function fill(el, ...children) {
  el.replaceChildren(...children.flat(Infinity).filter(c => c !== null && c !== undefined && c !== false));
  return el;
}

export const money = (amount, currency) => amount === null || amount === undefined ? '—' : `${Number(amount).toFixed(2)} ${currency ?? 'USD'}`;

export const when = iso => iso ? new Date(iso).toLocaleString() : '—';

/** A fresh Idempotency-Key for one action the person may click twice. */
export const actionKey = () => crypto.randomUUID();
