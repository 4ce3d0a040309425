// A uniqueness constraint's refusal, told apart from other failures: between a write's check
// that an id or name is free and its create, another write took it.

/** Runs a write whose only expected failure is a uniqueness constraint, turning that into `taken()`. */
export async function unlessTaken<T>(write: Promise<T>, taken: () => Error): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'Neo.ClientError.Schema.ConstraintValidationFailed') throw taken();
    throw error;
  }
}
