// User-facing texts of message editing in the console.

/** English strings of editing a message. */
export const editStrings = {
  edit: 'Edit',
  save: 'Save',
  cancel: 'Cancel',
  editLabel: 'Edit message',
  /** Beside the time of an edited message. */
  edited: 'edited',
  showEarlier: 'Show earlier versions',
  hideEarlier: 'Hide earlier versions',
  noEarlier: 'No earlier versions are kept (the message was deleted).',
  earlierTitle: 'Earlier versions',
};
