// The widget feature's public surface for other features: visitors as the widget stores them.
export { findSiteVisitor, visitorProfileWithHistory } from './queries';
export { visitorSite } from './middleware';
