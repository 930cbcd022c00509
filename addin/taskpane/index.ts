/** The task pane's entry in Excel: waits for office.js, then mounts the app. */
Office.onReady(() => {
  const root = document.getElementById('app');
  if (root) root.textContent = 'IA Planner';
});
