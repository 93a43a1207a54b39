import { app } from './app'

export { LiveSegment } from './live/segment'
export default app
