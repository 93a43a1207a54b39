/** What every write to the compact index or its term map throws: both are views over the build's bytes. */
export const READ_ONLY = 'The compact search index is read-only: rebuild the bundle (npm run build) to change it.'
