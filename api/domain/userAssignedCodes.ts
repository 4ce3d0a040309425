// Apart from standards.ts so the explorer can use it without bundling the code lists.
/**
 * ISO 3166-1 alpha-2 codes reserved for user assignment (AA, QM to QZ, XA to XZ, ZZ): never
 * a real country's, so synthetic data uses them for its fictional countries.
 */
export const USER_ASSIGNED_COUNTRY_CODE = /^(AA|Q[M-Z]|X[A-Z]|ZZ)$/;
