/** The `content` of an OpenAPI request body or response: JSON, described by `schema`. */
export const jsonContent = <S>(schema: S) => ({ "application/json": { schema } });
