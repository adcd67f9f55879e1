/**
 * The value of an object's own data property, or `undefined`: never a getter's result and never a value
 * inherited through the prototype chain, so `__proto__` or `constructor` in a claim or a request means only
 * a member of that name.
 */
export function ownProperty(object: object, key: string): unknown {
  return Object.getOwnPropertyDescriptor(object, key)?.value;
}
