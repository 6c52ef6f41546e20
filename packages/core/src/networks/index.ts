// Networks: names used in ads, hub guards, movement and cadence, and the city gazetteer (pure).
export { extractNames } from './names.js';
export { DEFAULT_HUB_LIMITS, hubReason, isPlaceholder, isLinkType, LINK_TYPES, type HubLimits, type HubReason, type LinkType } from './hubs.js';
export { movementTimeline, postingCadence, type Sighting, type Stop, type Cadence } from './timeline.js';
export { cityById, cityName, foldPlace, lookupCity, GAZETTEER_VERSION, type City, type LookupOptions } from './gazetteer.js';
export { pdqProbeKeys, pdqStoreKeys, PDQ_LINK_DISTANCE } from './pdqKeys.js';
