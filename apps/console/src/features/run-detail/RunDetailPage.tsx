export default function RunDetailPage() {
  return <div className="page">Coming soon</div>;
}
