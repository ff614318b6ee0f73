// The chat core's public face: the entry (app.tsx) and the page API create and drive a chat through it; components
// import only its types (View, Actions) and get both as props.
export { createChat, type Actions, type Chat } from './chat';
export type { Item } from './store';
export type { Mode, View } from './view';
