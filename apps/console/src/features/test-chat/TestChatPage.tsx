export default function TestChatPage() {
  return <div className="page">Coming soon</div>;
}
