export default function WorkflowsPage() {
  return <div className="page">Coming soon</div>;
}
