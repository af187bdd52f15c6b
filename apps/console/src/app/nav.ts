// The sidebar's entries. A new feature adds its page here and its route in routes.tsx.
export interface NavEntry {
  to: string;
  label: string;
  icon: 'runs' | 'flow' | 'chat';
}

export const NAV: NavEntry[] = [
  { to: '/runs', label: 'Runs', icon: 'runs' },
  { to: '/workflows', label: 'Workflows', icon: 'flow' },
  { to: '/test-chat', label: 'Test chat', icon: 'chat' },
];
