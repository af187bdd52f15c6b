export default function WorkflowEditorPage() {
  return <div className="page">Coming soon</div>;
}
